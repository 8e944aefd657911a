import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import {
  ContactRepository,
  type ContactUpdate,
} from '../application/record-contact/contact.repository';

@Injectable()
export class PrismaContactRepository extends ContactRepository {
  constructor(
    private readonly db: NotificationDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        const fresh = await this.inbox.claim(
          tx,
          consumer,
          updates.map((update) => update.eventId),
        );
        for (const { eventId, contact } of updates) {
          if (!fresh.has(eventId)) continue;
          const row = { ...contact, sourceEventId: eventId };
          await tx.contact.upsert({ where: { userId: contact.userId }, create: row, update: row });
        }
        return fresh.size;
      },
      { timeout: 15_000 },
    );
  }
}
