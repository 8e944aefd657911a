import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase, type Prisma } from '../../database';
import { type CausedNotification, insertNotifications } from './notification-rows';
import { ContactNotKnownError } from '../application/notification.errors';
import {
  type AppliedContacts,
  ContactRepository,
  type ContactUpdate,
} from '../application/ports/contact-repository';

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
        const toApply = await this.inbox.claimNew(tx, consumer, updates);
        if (toApply.length === 0) return { applied: 0, stale: 0, notificationIds: [] };
        // A user's events share a partition, so no other transaction adds their contact meanwhile.
        const existing = await tx.contact.findMany({
          where: { userId: { in: toApply.map(userIdOf) } },
          select: { userId: true, profileRevision: true },
        });
        // The profile revision each contact holds, kept current as the batch is applied.
        const book = new ContactBookWrites(
          tx,
          new Map(existing.map((row) => [row.userId, row.profileRevision])),
        );
        for (const update of toApply) {
          if (update.kind === 'registered') await book.register(update);
          else await book.changeProfile(update);
        }
        const caused = await book.finish();
        const notificationIds = await insertNotifications(tx, caused);
        return { applied: toApply.length, stale: book.stale, notificationIds };
      },
      { timeout: 15_000 },
    );
  }
}

function userIdOf(update: ContactUpdate): string {
  return update.kind === 'registered' ? update.contact.userId : update.profile.userId;
}

type Registration = Extract<ContactUpdate, { kind: 'registered' }>;
type ProfileChanged = Extract<ContactUpdate, { kind: 'profile-changed' }>;

/**
 * One batch's writes to the contact book, in event order. New contacts go in with one
 * statement at the end: a backlog of registrations arrives as large batches, and a statement
 * per contact made each of them seconds long. A write to a contact still waiting among the
 * new ones inserts them first.
 */
class ContactBookWrites {
  readonly created: Prisma.ContactCreateManyInput[] = [];
  readonly caused: CausedNotification[] = [];
  stale = 0;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly revisions: Map<string, number>,
  ) {}

  async register({ eventId, contact, notifications }: Registration): Promise<void> {
    const revision = this.revisions.get(contact.userId);
    const row = { ...contact, sourceEventId: eventId };
    if (revision === undefined) {
      this.created.push(row);
      this.revisions.set(contact.userId, 0);
      this.caused.push(...notifications.map((draft) => ({ eventId, draft })));
    } else if (revision === 0) {
      await this.update(contact.userId, row);
    } else {
      this.stale++; // a copy of the registration: the profile changed since
    }
  }

  async changeProfile({ eventId, profile }: ProfileChanged): Promise<void> {
    const revision = this.revisions.get(profile.userId);
    if (revision === undefined) throw new ContactNotKnownError(profile.userId);
    if (profile.revision <= revision) {
      this.stale++;
      return;
    }
    await this.update(profile.userId, {
      username: profile.username,
      phone: profile.phone,
      notificationChannels: [...profile.channels],
      profileRevision: profile.revision,
      sourceEventId: eventId,
    });
    this.revisions.set(profile.userId, profile.revision);
  }

  /** Inserts the new contacts; returns the notifications they cause. */
  async finish(): Promise<CausedNotification[]> {
    await this.insertCreated();
    return this.caused;
  }

  private async update(userId: string, data: Prisma.ContactUpdateInput): Promise<void> {
    await this.insertCreated();
    await this.tx.contact.update({ where: { userId }, data });
  }

  private async insertCreated(): Promise<void> {
    if (this.created.length > 0) await this.tx.contact.createMany({ data: this.created.splice(0) });
  }
}
