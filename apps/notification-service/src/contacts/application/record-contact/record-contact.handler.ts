import { Injectable, Logger } from '@nestjs/common';
import { type UserRegisteredV1 } from '@kafka-commerce/events';
import { ContactRepository } from './contact.repository';

export interface RecordContact {
  readonly consumer: string;
  readonly eventId: string;
  readonly user: UserRegisteredV1;
}

@Injectable()
export class RecordContactHandler {
  private readonly logger = new Logger(RecordContactHandler.name);

  constructor(private readonly contacts: ContactRepository) {}

  async execute({ consumer, eventId, user }: RecordContact): Promise<void> {
    const saved = await this.contacts.saveOnce(
      { consumer, eventId },
      {
        userId: user.userId,
        email: user.email,
        username: user.username,
        phone: user.phone ?? null,
        registeredAt: new Date(user.registeredAt),
      },
    );
    this.logger.log({ eventId, userId: user.userId, duplicate: !saved }, 'contact recorded');
  }
}
