import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type userRegisteredV1 } from '@kafka-commerce/events';
import { ContactRepository } from './contact.repository';

export interface RecordContacts {
  readonly consumer: string;
  readonly events: readonly EventOf<typeof userRegisteredV1>[];
}

@Injectable()
export class RecordContactsHandler {
  private readonly logger = new Logger(RecordContactsHandler.name);

  constructor(private readonly contacts: ContactRepository) {}

  async execute({ consumer, events }: RecordContacts): Promise<void> {
    const applied = await this.contacts.applyOnce(
      consumer,
      events.map(({ eventId, payload }) => ({
        eventId,
        contact: {
          userId: payload.userId,
          email: payload.email,
          username: payload.username,
          phone: payload.phone ?? null,
          registeredAt: new Date(payload.registeredAt),
        },
      })),
    );
    this.logger.log({ received: events.length, applied }, 'contacts recorded');
  }
}
