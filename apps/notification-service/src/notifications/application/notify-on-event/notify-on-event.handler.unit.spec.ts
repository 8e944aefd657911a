import { Logger } from '@nestjs/common';
import { orderCreatedV1Fixture } from '@kafka-commerce/events';
import { DELIVERY_LEASE_MS } from '../../domain/delivery-schedule';
import { type Customer } from '../../domain/notification';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import { InMemoryDeliveryQueue } from '../../../testing/in-memory-delivery-queue';
import { InMemoryNotificationLog } from '../../../testing/in-memory-notification-log';
import { InMemoryNotificationState } from '../../../testing/in-memory-notification-state';
import { InMemoryRecipientDirectory } from '../../../testing/in-memory-recipient-directory';
import { RecordingNotificationChannels } from '../../../testing/recording-notification-channels';
import {
  inventoryLowStock,
  orderCancelled,
  orderConfirmed,
  orderCreated,
  paymentProcessed,
  paymentRefunded,
} from '../../../testing/events';
import { reportedFacts } from '../../messaging/notifiable-fact.mapper';
import { NotifyOnEventHandler } from './notify-on-event.handler';
import { RecipientNotKnownYetError } from '../notification.errors';

const { userId, orderId } = orderCreatedV1Fixture;
const ada: Customer = {
  userId,
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  channels: ['email'],
};

function setUp() {
  const state = new InMemoryNotificationState();
  const channels = new RecordingNotificationChannels();
  const handler = new NotifyOnEventHandler(
    new InMemoryRecipientDirectory(state),
    new InMemoryNotificationLog(state),
    new DeliverNotificationsHandler(new InMemoryDeliveryQueue(state), channels),
    'ops@example.com',
  );
  return { state, channels, handler };
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('NotifyOnEventHandler', () => {
  it('stores and sends the confirmation of an order to its customer', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, ada);

    await handler.execute({
      consumer: 'orders',
      facts: reportedFacts([orderConfirmed()]),
    });

    expect(channels.delivered).toEqual([
      expect.objectContaining({
        template: 'order-confirmed',
        recipient: 'ada@example.com',
        subject: 'Your order 5d1c2b8a is confirmed',
      }),
    ]);
    expect(state.notifications).toEqual([
      expect.objectContaining({ status: 'SENT', userId, orderId }),
    ]);
  });

  it('stores one notification and sends one mail when the event is delivered twice', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, ada);
    const event = orderConfirmed();

    await handler.execute({ consumer: 'orders', facts: reportedFacts([event]) });
    await handler.execute({ consumer: 'orders', facts: reportedFacts([event]) });

    expect(state.notifications).toHaveLength(1);
    expect(channels.delivered).toHaveLength(1);
  });

  it('stores and sends what a whole batch causes, in one claim, each event once', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, ada);
    const confirmed = orderConfirmed();
    const lowStock = inventoryLowStock();
    const created = orderCreated();

    await handler.execute({
      consumer: 'orders',
      facts: reportedFacts([created, confirmed, lowStock, confirmed]),
    });

    expect(channels.delivered.map((mail) => mail.template).sort()).toEqual([
      'low-stock',
      'order-confirmed',
    ]);
    expect(state.owners.get(orderId)).toBe(userId);
    expect(state.inbox.size).toBe(3);
  });

  it('stores nothing of a batch in which one recipient is not known yet', async () => {
    const { state, handler } = setUp();
    const lowStock = inventoryLowStock();
    const confirmed = orderConfirmed();

    await expect(
      handler.execute({ consumer: 'orders', facts: reportedFacts([lowStock, confirmed]) }),
    ).rejects.toBeInstanceOf(RecipientNotKnownYetError);
    expect(state.notifications).toHaveLength(0);
    expect(state.inbox.size).toBe(0);
  });

  it('throws to be retried, storing nothing, while the customer is not known yet', async () => {
    const { state, handler } = setUp();
    const event = orderConfirmed();

    await expect(
      handler.execute({ consumer: 'orders', facts: reportedFacts([event]) }),
    ).rejects.toBeInstanceOf(RecipientNotKnownYetError);
    expect(state.notifications).toHaveLength(0);
    expect(state.inbox.size).toBe(0); // so the retry is not skipped as a duplicate

    state.customers.set(userId, ada);
    await handler.execute({ consumer: 'orders', facts: reportedFacts([event]) });
    expect(state.notifications).toHaveLength(1);
  });

  it('addresses payment mail through the owner learnt from order.created', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, ada);
    const payment = paymentProcessed();

    await expect(
      handler.execute({ consumer: 'payments', facts: reportedFacts([payment]) }),
    ).rejects.toThrow(`the owner of order ${orderId} is not known yet`);
    await handler.execute({
      consumer: 'orders',
      facts: reportedFacts([orderCreated()]),
    });
    await handler.execute({ consumer: 'payments', facts: reportedFacts([payment]) });

    expect(channels.delivered).toEqual([
      expect.objectContaining({ template: 'payment-failed', recipient: 'ada@example.com' }),
    ]);
    expect(state.notifications[0]).toMatchObject({ userId, orderId });
  });

  it("names the missing contact when the order's owner is known but not their contact", async () => {
    const { state, handler } = setUp();
    await handler.execute({
      consumer: 'orders',
      facts: reportedFacts([orderCreated()]),
    });
    const payment = paymentProcessed();

    await expect(
      handler.execute({ consumer: 'payments', facts: reportedFacts([payment]) }),
    ).rejects.toThrow(new RecipientNotKnownYetError(`the contact of user ${userId}`));
    expect(state.notifications).toHaveLength(0);
  });

  it('stores notifications claimed for their first attempt; unsent, they wait out the lease', async () => {
    const { state, channels } = setUp();
    const delivery = new DeliverNotificationsHandler(new InMemoryDeliveryQueue(state), channels);
    // The instance dies between its commit and the send.
    delivery.deliverClaimed = () => Promise.resolve({ claimed: 0, sent: 0, failed: 0 });
    const handler = new NotifyOnEventHandler(
      new InMemoryRecipientDirectory(state),
      new InMemoryNotificationLog(state),
      delivery,
      'ops@example.com',
    );
    await handler.execute({
      consumer: 'products',
      facts: reportedFacts([inventoryLowStock()]),
    });
    expect(state.notifications).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        attempts: 1,
        nextAttemptAt: state.now + DELIVERY_LEASE_MS,
      }),
    ]);
  });

  it('mails operations about low stock', async () => {
    const { channels, handler } = setUp();
    await handler.execute({
      consumer: 'products',
      facts: reportedFacts([inventoryLowStock()]),
    });
    expect(channels.delivered).toEqual([
      expect.objectContaining({ template: 'low-stock', recipient: 'ops@example.com' }),
    ]);
  });

  it('does not touch the store for a fact that calls for nothing', async () => {
    const { state, channels, handler } = setUp();
    // Payment mail goes by email only: a customer who chose only SMS gets none.
    state.customers.set(userId, { ...ada, phone: '+4915112345678', channels: ['sms'] });
    state.owners.set(orderId, userId);
    await handler.execute({
      consumer: 'payments',
      facts: reportedFacts([paymentProcessed({ status: 'SUCCEEDED', reason: undefined })]),
    });
    expect(state.inbox.size).toBe(0);
    expect(state.notifications).toHaveLength(0);
    expect(channels.delivered).toHaveLength(0);
  });

  it('keeps the stored notification when sending fails; the event counts as handled', async () => {
    const { state, channels, handler } = setUp();
    channels.failing = new Error('SMTP down');
    await handler.execute({
      consumer: 'products',
      facts: reportedFacts([inventoryLowStock()]),
    });
    expect(state.notifications).toEqual([
      expect.objectContaining({ status: 'FAILED', error: 'SMTP down' }),
    ]);
  });

  it('texts and mails a customer who chose both, one notification per channel', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, { ...ada, phone: '+4915112345678', channels: ['email', 'sms'] });
    const confirmed = orderConfirmed();

    await handler.execute({ consumer: 'orders', facts: reportedFacts([confirmed]) });
    await handler.execute({ consumer: 'orders', facts: reportedFacts([confirmed]) }); // redelivered

    expect(channels.delivered.map(({ channel, recipient }) => [channel, recipient])).toEqual([
      ['email', 'ada@example.com'],
      ['sms', '+4915112345678'],
    ]);
    expect(channels.delivered[1]?.body).toContain('your order 5d1c2b8a is confirmed');
    expect(state.notifications.map((row) => [row.channel, row.status, row.factKey])).toEqual([
      ['email', 'SENT', `order-confirmed:${orderId}`],
      ['sms', 'SENT', `order-confirmed:${orderId}`],
    ]);
  });

  it('only texts a customer who chose only SMS, and sends them no payment mail', async () => {
    const { state, channels, handler } = setUp();
    state.customers.set(userId, { ...ada, phone: '+4915112345678', channels: ['sms'] });
    state.owners.set(orderId, userId);

    await handler.execute({
      consumer: 'orders',
      facts: reportedFacts([orderCancelled()]),
    });
    await handler.execute({
      consumer: 'payments',
      facts: reportedFacts([paymentProcessed(), paymentRefunded()]),
    });

    expect(channels.delivered.map(({ channel, template }) => [channel, template])).toEqual([
      ['sms', 'order-cancelled'],
      ['sms', 'payment-refunded'],
    ]);
    expect(state.inbox.size).toBe(2); // payment.processed stored nothing: no claim
  });
});
