import { Logger } from '@nestjs/common';
import {
  userRegisteredV1,
  userRegisteredV1Fixture,
  userUpdatedV1,
  userUpdatedV1Fixture,
} from '@kafka-commerce/events';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import {
  InMemoryDeliveryQueue,
  InMemoryNotificationState,
  RecordingChannels,
} from '../testing/in-memory-notifications';
import { consumed } from '../testing/test-events';
import { type CustomerChannel } from '../../domain/notification';
import { ContactNotKnownError } from './contact-not-known.error';
import {
  type AppliedContacts,
  type Contact,
  ContactRepository,
  type ContactUpdate,
} from '../ports/contact-repository';
import { RecordContactsHandler } from './record-contacts.handler';

/** A contact as the in-memory book holds it. */
interface StoredContact extends Contact {
  readonly channels: readonly CustomerChannel[];
  readonly revision: number;
  readonly sourceEventId: string;
}

/** The contact book in memory, with the Prisma adapter's rules, sharing the notification tables. */
class InMemoryContactRepository extends ContactRepository {
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

beforeAll(() => {
  Logger.overrideLogger(false);
});

function setUp() {
  const state = new InMemoryNotificationState();
  const channels = new RecordingChannels();
  const contacts = new InMemoryContactRepository(state);
  const handler = new RecordContactsHandler(
    contacts,
    new DeliverNotificationsHandler(new InMemoryDeliveryQueue(state), channels),
    'ops@example.com',
  );
  return { state, channels, contacts, handler };
}

const registered = (overrides: Partial<typeof userRegisteredV1Fixture> = {}) =>
  consumed(userRegisteredV1, { ...userRegisteredV1Fixture, ...overrides });
const updated = (overrides: Partial<typeof userUpdatedV1Fixture> = {}) =>
  consumed(userUpdatedV1, { ...userUpdatedV1Fixture, ...overrides });
const { userId } = userRegisteredV1Fixture;

describe('RecordContactsHandler', () => {
  it('records the contact and sends the new user a welcome email', async () => {
    const { state, channels, contacts, handler } = setUp();
    const event = registered();

    await handler.execute({ consumer: 'users', events: [event] });

    expect(contacts.contacts.get(userRegisteredV1Fixture.userId)).toMatchObject({
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      sourceEventId: event.eventId,
    });
    expect(channels.delivered).toEqual([
      expect.objectContaining({ template: 'welcome', recipient: 'ada@example.com' }),
    ]);
    expect(state.notifications).toEqual([
      expect.objectContaining({ eventId: event.eventId, status: 'SENT' }),
    ]);
  });

  it('welcomes a user once, whether the event repeats or a later one updates the contact', async () => {
    const { state, channels, contacts, handler } = setUp();
    const first = registered();
    const later = registered({ username: 'ada-lovelace' });

    await handler.execute({ consumer: 'users', events: [first, first] });
    await handler.execute({ consumer: 'users', events: [first, later] });

    expect(contacts.contacts.get(userRegisteredV1Fixture.userId)?.username).toBe('ada-lovelace');
    expect(state.notifications).toHaveLength(1);
    expect(channels.delivered).toHaveLength(1);
  });

  it('welcomes every new user of a batch', async () => {
    const { channels, handler } = setUp();
    await handler.execute({
      consumer: 'users',
      events: [
        registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001', email: 'a@example.com' }),
        registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c002', email: 'b@example.com' }),
      ],
    });
    expect(channels.delivered.map((message) => message.recipient)).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
  });

  it('keeps the contact current from user.updated: phone, channels, name', async () => {
    const { contacts, channels, handler } = setUp();
    const change = updated({
      username: 'ada-l',
      phone: '+4915112345678',
      notificationChannels: ['sms'],
    });

    await handler.execute({ consumer: 'users', events: [registered(), change] });

    expect(contacts.contacts.get(userId)).toMatchObject({
      email: 'ada@example.com',
      username: 'ada-l',
      phone: '+4915112345678',
      channels: ['sms'],
      revision: 1,
      sourceEventId: change.eventId,
    });
    expect(channels.delivered.map((message) => message.template)).toEqual(['welcome']);
  });

  it('applies each change once and never an older one over a newer one', async () => {
    const { contacts, handler } = setUp();
    const first = updated({ revision: 1, notificationChannels: ['email', 'sms'] });
    const second = updated({ revision: 2, notificationChannels: ['sms'] });
    // A copy of the first change under a fresh event id (a re-driven dead letter).
    const firstAgain = updated({ revision: 1, notificationChannels: ['email', 'sms'] });

    await handler.execute({ consumer: 'users', events: [registered(), first, second] });
    await handler.execute({ consumer: 'users', events: [second, firstAgain, registered()] });

    expect(contacts.contacts.get(userId)).toMatchObject({
      channels: ['sms'],
      revision: 2,
      sourceEventId: second.eventId,
      phone: '+4915112345678',
    });
  });

  it('removes a phone the user removed', async () => {
    const { contacts, handler } = setUp();
    await handler.execute({
      consumer: 'users',
      events: [registered(), updated({ phone: undefined, notificationChannels: ['email'] })],
    });
    expect(contacts.contacts.get(userId)).toMatchObject({ phone: null, channels: ['email'] });
  });

  it('refuses, applying nothing, a change for a user it never registered', async () => {
    const { state, contacts, handler } = setUp();
    const orphan = updated({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c009' });
    const other = registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001' });

    await expect(
      handler.execute({ consumer: 'users', events: [other, orphan] }),
    ).rejects.toBeInstanceOf(ContactNotKnownError);
    expect(contacts.contacts.size).toBe(0);
    expect(state.inbox.size).toBe(0);
  });
});
