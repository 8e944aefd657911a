import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import {
  type CausedNotification,
  insertNotifications,
} from '../../notifications/infrastructure/notification-rows';
import {
  type AppliedContacts,
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

  applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<AppliedContacts> {
    return this.db.$transaction(
      async (tx) => {
        const fresh = await this.inbox.claim(
          tx,
          consumer,
          updates.map((update) => update.eventId),
        );
        const toApply = updates.filter((update) => fresh.has(update.eventId));
        if (toApply.length === 0) return { applied: 0, notificationIds: [] };
        // A user's events share a partition, so no other transaction adds their contact meanwhile.
        const existing = await tx.contact.findMany({
          where: { userId: { in: toApply.map((update) => update.contact.userId) } },
          select: { userId: true },
        });
        const known = new Set(existing.map((row) => row.userId));
        const caused: CausedNotification[] = [];
        for (const { eventId, contact, notifications } of toApply) {
          const row = { ...contact, sourceEventId: eventId };
          await tx.contact.upsert({ where: { userId: contact.userId }, create: row, update: row });
          if (known.has(contact.userId)) continue;
          known.add(contact.userId);
          caused.push(...notifications.map((draft) => ({ eventId, draft })));
        }
        const notificationIds = await insertNotifications(tx, caused);
        return { applied: fresh.size, notificationIds };
      },
      { timeout: 15_000 },
    );
  }
}
