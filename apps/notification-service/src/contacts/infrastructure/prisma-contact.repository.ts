import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import {
  type CausedNotification,
  insertNotifications,
} from '../../notifications/infrastructure/notification-rows';
import { ContactNotKnownError } from '../application/record-contact/contact-not-known.error';
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
        if (toApply.length === 0) return { applied: 0, stale: 0, notificationIds: [] };
        // A user's events share a partition, so no other transaction adds their contact meanwhile.
        const existing = await tx.contact.findMany({
          where: { userId: { in: toApply.map(userIdOf) } },
          select: { userId: true, profileRevision: true },
        });
        // The profile revision each contact holds, kept current as the batch is applied.
        const revisions = new Map(existing.map((row) => [row.userId, row.profileRevision]));
        const caused: CausedNotification[] = [];
        let stale = 0;
        for (const update of toApply) {
          const userId = userIdOf(update);
          const revision = revisions.get(userId);
          if (update.kind === 'registered') {
            const row = { ...update.contact, sourceEventId: update.eventId };
            if (revision === undefined) {
              await tx.contact.create({ data: row });
              revisions.set(userId, 0);
              caused.push(
                ...update.notifications.map((draft) => ({ eventId: update.eventId, draft })),
              );
            } else if (revision === 0) {
              await tx.contact.update({ where: { userId }, data: row });
            } else {
              stale++; // a copy of the registration: the profile changed since
            }
            continue;
          }
          if (revision === undefined) throw new ContactNotKnownError(userId);
          const { profile } = update;
          if (profile.revision <= revision) {
            stale++;
            continue;
          }
          await tx.contact.update({
            where: { userId },
            data: {
              username: profile.username,
              phone: profile.phone,
              notificationChannels: [...profile.channels],
              profileRevision: profile.revision,
              sourceEventId: update.eventId,
            },
          });
          revisions.set(userId, profile.revision);
        }
        const notificationIds = await insertNotifications(tx, caused);
        return { applied: fresh.size, stale, notificationIds };
      },
      { timeout: 15_000 },
    );
  }
}

function userIdOf(update: ContactUpdate): string {
  return update.kind === 'registered' ? update.contact.userId : update.profile.userId;
}
