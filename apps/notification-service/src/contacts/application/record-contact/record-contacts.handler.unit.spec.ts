import { Logger } from '@nestjs/common';
import { userRegisteredV1, userRegisteredV1Fixture } from '@kafka-commerce/events';
import { DeliverNotificationsHandler } from '../../../notifications/application/deliver-notifications/deliver-notifications.handler';
import {
  InMemoryDeliveryQueue,
  InMemoryNotificationState,
  RecordingChannels,
} from '../../../notifications/application/testing/in-memory-notifications';
import { consumed } from '../../../notifications/application/testing/test-events';
import {
  type AppliedContacts,
  type Contact,
  ContactRepository,
  type ContactUpdate,
} from './contact.repository';
import { RecordContactsHandler } from './record-contacts.handler';

/** The contact book in memory, storing notifications in the shared in-memory tables. */
class InMemoryContactRepository extends ContactRepository {
  readonly contacts = new Map<string, Contact & { sourceEventId: string }>();

  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<AppliedContacts> {
    let applied = 0;
    const notificationIds: string[] = [];
    for (const { eventId, contact, notifications } of updates) {
      if (!this.state.claimEvent(consumer, eventId)) continue;
      applied++;
      const isNew = !this.contacts.has(contact.userId);
      this.contacts.set(contact.userId, { ...contact, sourceEventId: eventId });
      if (isNew) notificationIds.push(...this.state.insert(eventId, notifications));
    }
    return Promise.resolve({ applied, notificationIds });
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
});
