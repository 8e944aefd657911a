import { Logger } from '@nestjs/common';
import { userRegisteredV1Fixture } from '@kafka-commerce/events';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import { InMemoryContactRepository } from '../../../testing/in-memory-contact-repository';
import { InMemoryDeliveryQueue } from '../../../testing/in-memory-delivery-queue';
import { InMemoryNotificationState } from '../../../testing/in-memory-notification-state';
import { RecordingNotificationChannels } from '../../../testing/recording-notification-channels';
import { userRegistered as registered, userUpdated as updated } from '../../../testing/events';
import { ContactNotKnownError } from '../notification.errors';
import { contactChangeOf } from '../../messaging/contact-change.mapper';
import { RecordContactsHandler } from './record-contacts.handler';

beforeAll(() => {
  Logger.overrideLogger(false);
});

function setUp() {
  const state = new InMemoryNotificationState();
  const channels = new RecordingNotificationChannels();
  const contacts = new InMemoryContactRepository(state);
  const handler = new RecordContactsHandler(
    contacts,
    new DeliverNotificationsHandler(new InMemoryDeliveryQueue(state), channels),
    'ops@example.com',
  );
  return { state, channels, contacts, handler };
}

const { userId } = userRegisteredV1Fixture;

describe('RecordContactsHandler', () => {
  it('records the contact and sends the new user a welcome email', async () => {
    const { state, channels, contacts, handler } = setUp();
    const event = registered();

    await handler.execute({ consumer: 'users', changes: [event].map(contactChangeOf) });

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

    await handler.execute({ consumer: 'users', changes: [first, first].map(contactChangeOf) });
    await handler.execute({ consumer: 'users', changes: [first, later].map(contactChangeOf) });

    expect(contacts.contacts.get(userRegisteredV1Fixture.userId)?.username).toBe('ada-lovelace');
    expect(state.notifications).toHaveLength(1);
    expect(channels.delivered).toHaveLength(1);
  });

  it('welcomes every new user of a batch', async () => {
    const { channels, handler } = setUp();
    await handler.execute({
      consumer: 'users',
      changes: [
        registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001', email: 'a@example.com' }),
        registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c002', email: 'b@example.com' }),
      ].map(contactChangeOf),
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

    await handler.execute({
      consumer: 'users',
      changes: [registered(), change].map(contactChangeOf),
    });

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

    await handler.execute({
      consumer: 'users',
      changes: [registered(), first, second].map(contactChangeOf),
    });
    await handler.execute({
      consumer: 'users',
      changes: [second, firstAgain, registered()].map(contactChangeOf),
    });

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
      changes: [registered(), updated({ phone: undefined, notificationChannels: ['email'] })].map(
        contactChangeOf,
      ),
    });
    expect(contacts.contacts.get(userId)).toMatchObject({ phone: null, channels: ['email'] });
  });

  it('refuses, applying nothing, a change for a user it never registered', async () => {
    const { state, contacts, handler } = setUp();
    const orphan = updated({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c009' });
    const other = registered({ userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001' });

    await expect(
      handler.execute({ consumer: 'users', changes: [other, orphan].map(contactChangeOf) }),
    ).rejects.toBeInstanceOf(ContactNotKnownError);
    expect(contacts.contacts.size).toBe(0);
    expect(state.inbox.size).toBe(0);
  });
});
