import { type CustomerChannel } from '../notifications/domain/notification';
import { ContactNotKnownError } from '../notifications/application/notification.errors';
import {
  type AppliedContacts,
  type Contact,
  ContactRepository,
  type ContactUpdate,
} from '../notifications/application/ports/contact-repository';
import { type InMemoryNotificationState } from './in-memory-notification-state';

/** A contact as the in-memory book holds it. */
export interface StoredContact extends Contact {
  readonly channels: readonly CustomerChannel[];
  readonly revision: number;
  readonly sourceEventId: string;
}

/** The contact book in memory, with the Prisma adapter's rules, sharing the notification tables. */
export class InMemoryContactRepository extends ContactRepository {
  readonly contacts = new Map<string, StoredContact>();

  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<AppliedContacts> {
    // One transaction: nothing is kept when an update fails.
    const contacts = new Map(this.contacts);
    const inbox = new Set(this.state.inbox);
    return new Promise<AppliedContacts>((resolve) => {
      resolve(this.apply(consumer, updates));
    }).catch((error: unknown) => {
      this.contacts.clear();
      for (const [id, contact] of contacts) this.contacts.set(id, contact);
      this.state.inbox.clear();
      for (const key of inbox) this.state.inbox.add(key);
      throw error;
    });
  }

  private apply(consumer: string, updates: readonly ContactUpdate[]): AppliedContacts {
    let applied = 0;
    let stale = 0;
    const notificationIds: string[] = [];
    for (const update of updates) {
      if (!this.state.claimEvent(consumer, update.eventId)) continue;
      applied++;
      if (update.kind === 'registered') {
        const { contact, eventId } = update;
        const current = this.contacts.get(contact.userId);
        if (current && current.revision > 0) {
          stale++;
          continue;
        }
        this.contacts.set(contact.userId, {
          channels: ['email'],
          revision: 0,
          ...current,
          ...contact,
          sourceEventId: eventId,
        });
        if (!current) notificationIds.push(...this.state.insert(eventId, update.notifications));
        continue;
      }
      const { profile, eventId } = update;
      const current = this.contacts.get(profile.userId);
      if (!current) throw new ContactNotKnownError(profile.userId);
      if (profile.revision <= current.revision) {
        stale++;
        continue;
      }
      this.contacts.set(profile.userId, {
        ...current,
        username: profile.username,
        phone: profile.phone,
        channels: profile.channels,
        revision: profile.revision,
        sourceEventId: eventId,
      });
    }
    return { applied, stale, notificationIds };
  }
}
