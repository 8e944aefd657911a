import {
  createEvent,
  type EventDefinition,
  type EventOf,
  inventoryLowStockV1,
  inventoryLowStockV1Fixture,
  orderCancelledV1,
  orderCancelledV1Fixture,
  orderConfirmedV1,
  orderConfirmedV1Fixture,
  orderCreatedV1,
  orderCreatedV1Fixture,
  paymentProcessedV1,
  paymentProcessedV1Fixture,
  paymentRefundedV1,
  paymentRefundedV1Fixture,
  productCreatedV1,
  productCreatedV1Fixture,
  productUpdatedV1,
  productUpdatedV1Fixture,
  sensorAlertRaisedV1,
  sensorAlertRaisedV1Fixture,
  sensorAnomalyDetectedV1,
  sensorAnomalyDetectedV1Fixture,
  userRegisteredV1,
  userRegisteredV1Fixture,
  userUpdatedV1,
  userUpdatedV1Fixture,
} from '@kafka-commerce/events';
import { type z } from 'zod';
import { type Customer } from './notification';
import { customerLookupFor, orderOwnerFrom, planNotifications } from './notification-plan';

function consumed<T extends EventDefinition>(
  definition: T,
  payload: z.input<T['schema']>,
): EventOf<T> {
  return createEvent(definition, payload, { producer: 'test', correlationId: 'c' })
    .envelope as EventOf<T>;
}

const operationsEmail = 'ops@example.com';
const ada: Customer = {
  userId: orderConfirmedV1Fixture.userId,
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  channels: ['email'],
};
const orderId = orderConfirmedV1Fixture.orderId;
const withAda = { operationsEmail, customer: ada };
const nobody = { operationsEmail, customer: null };

describe('planNotifications: which notifications an event produces', () => {
  it('user.registered → a welcome email to the new user, from the event itself', () => {
    const [welcome, ...rest] = planNotifications(
      consumed(userRegisteredV1, userRegisteredV1Fixture),
      nobody,
    );
    expect(rest).toHaveLength(0);
    expect(welcome).toMatchObject({
      channel: 'email',
      template: 'welcome',
      recipient: userRegisteredV1Fixture.email,
      userId: userRegisteredV1Fixture.userId,
      orderId: null,
      subject: 'Welcome to kafka-commerce, ada',
    });
  });

  it('order.confirmed → order-confirmed email to the customer, with the total', () => {
    const drafts = planNotifications(consumed(orderConfirmedV1, orderConfirmedV1Fixture), withAda);
    expect(drafts).toEqual([
      expect.objectContaining({
        channel: 'email',
        template: 'order-confirmed',
        recipient: 'ada@example.com',
        userId: ada.userId,
        orderId,
        subject: 'Your order 5d1c2b8a is confirmed',
        body: expect.stringContaining('Total amount: 44.98'),
      }),
    ]);
    expect(drafts[0]?.body).toContain('(3 items)');
  });

  it('order.cancelled → order-cancelled email with the reason', () => {
    const drafts = planNotifications(consumed(orderCancelledV1, orderCancelledV1Fixture), withAda);
    expect(drafts).toEqual([
      expect.objectContaining({
        template: 'order-cancelled',
        recipient: 'ada@example.com',
        orderId,
        body: expect.stringContaining('the card was declined'),
      }),
    ]);
  });

  it('payment.processed → payment-succeeded or payment-failed, by status', () => {
    const succeeded = consumed(paymentProcessedV1, {
      ...paymentProcessedV1Fixture,
      status: 'SUCCEEDED',
      paymentMethod: 'card',
      reason: undefined,
    });
    expect(planNotifications(succeeded, withAda).map((draft) => draft.template)).toEqual([
      'payment-succeeded',
    ]);
    const [failed] = planNotifications(
      consumed(paymentProcessedV1, paymentProcessedV1Fixture),
      withAda,
    );
    expect(failed).toMatchObject({ template: 'payment-failed', orderId, userId: ada.userId });
    expect(failed?.body).toContain('Reason code: card_declined');
  });

  it('payment.refunded → payment-refunded email with the amount', () => {
    const [refunded] = planNotifications(
      consumed(paymentRefundedV1, paymentRefundedV1Fixture),
      withAda,
    );
    expect(refunded).toMatchObject({ template: 'payment-refunded', recipient: ada.email });
    expect(refunded?.body).toContain('We refunded 44.98');
  });

  it('inventory.low-stock, sensor.alert-raised and sensor.anomaly-detected → email to operations, no user', () => {
    const lowStock = planNotifications(
      consumed(inventoryLowStockV1, inventoryLowStockV1Fixture),
      nobody,
    );
    const alert = planNotifications(
      consumed(sensorAlertRaisedV1, sensorAlertRaisedV1Fixture),
      nobody,
    );
    const anomaly = planNotifications(
      consumed(sensorAnomalyDetectedV1, sensorAnomalyDetectedV1Fixture),
      nobody,
    );
    expect(anomaly[0]?.subject).toBe('Sensor anomaly: greenhouse-7 read 48.50 (spike)');
    for (const [drafts, template] of [
      [lowStock, 'low-stock'],
      [alert, 'sensor-alert'],
      [anomaly, 'sensor-anomaly'],
    ] as const) {
      expect(drafts).toEqual([
        expect.objectContaining({
          channel: 'email',
          template,
          recipient: operationsEmail,
          userId: null,
          orderId: null,
        }),
      ]);
    }
  });

  it('order.created, product.created, product.updated and user.updated → nothing', () => {
    expect(planNotifications(consumed(orderCreatedV1, orderCreatedV1Fixture), nobody)).toEqual([]);
    expect(planNotifications(consumed(userUpdatedV1, userUpdatedV1Fixture), nobody)).toEqual([]);
    expect(planNotifications(consumed(productCreatedV1, productCreatedV1Fixture), nobody)).toEqual(
      [],
    );
    expect(planNotifications(consumed(productUpdatedV1, productUpdatedV1Fixture), nobody)).toEqual(
      [],
    );
  });

  it('refuses to plan customer mail whose customer was not resolved', () => {
    expect(() =>
      planNotifications(consumed(orderConfirmedV1, orderConfirmedV1Fixture), nobody),
    ).toThrow('order.confirmed needs its customer resolved');
  });
});

describe('customerLookupFor', () => {
  it('finds order mail by user, payment mail by order, and needs nothing for the rest', () => {
    expect(customerLookupFor(consumed(orderConfirmedV1, orderConfirmedV1Fixture))).toEqual({
      by: 'user',
      userId: orderConfirmedV1Fixture.userId,
    });
    expect(customerLookupFor(consumed(orderCancelledV1, orderCancelledV1Fixture))).toEqual({
      by: 'user',
      userId: orderCancelledV1Fixture.userId,
    });
    expect(customerLookupFor(consumed(paymentRefundedV1, paymentRefundedV1Fixture))).toEqual({
      by: 'order',
      orderId,
    });
    expect(customerLookupFor(consumed(userRegisteredV1, userRegisteredV1Fixture))).toBeNull();
    expect(customerLookupFor(consumed(inventoryLowStockV1, inventoryLowStockV1Fixture))).toBeNull();
  });
});

describe('planNotifications: the channels a customer chose', () => {
  const phone = '+4915112345678';
  const both = {
    operationsEmail,
    customer: { ...ada, phone, channels: ['email', 'sms'] as const },
  };
  const smsOnly = { operationsEmail, customer: { ...ada, phone, channels: ['sms'] as const } };
  const routes = (drafts: ReturnType<typeof planNotifications>) =>
    drafts.map((draft) => `${draft.channel} ${draft.template} → ${draft.recipient}`);

  it('order confirmed, cancelled and refunded: an email and an SMS each, for both channels', () => {
    expect(
      routes(planNotifications(consumed(orderConfirmedV1, orderConfirmedV1Fixture), both)),
    ).toEqual(['email order-confirmed → ada@example.com', `sms order-confirmed → ${phone}`]);
    expect(
      routes(planNotifications(consumed(orderCancelledV1, orderCancelledV1Fixture), both)),
    ).toEqual(['email order-cancelled → ada@example.com', `sms order-cancelled → ${phone}`]);
    expect(
      routes(planNotifications(consumed(paymentRefundedV1, paymentRefundedV1Fixture), both)),
    ).toEqual(['email payment-refunded → ada@example.com', `sms payment-refunded → ${phone}`]);
  });

  it('SMS only: no email at all, and nothing for payment outcomes (the order SMS tells)', () => {
    expect(
      routes(planNotifications(consumed(orderConfirmedV1, orderConfirmedV1Fixture), smsOnly)),
    ).toEqual([`sms order-confirmed → ${phone}`]);
    expect(
      planNotifications(consumed(paymentProcessedV1, paymentProcessedV1Fixture), smsOnly),
    ).toEqual([]);
  });

  it('an SMS is short, names the order, and announces the same fact as the email', () => {
    const [email, sms] = planNotifications(
      consumed(orderConfirmedV1, orderConfirmedV1Fixture),
      both,
    );
    expect(sms).toMatchObject({ userId: ada.userId, orderId, factKey: email?.factKey });
    expect(sms?.body).toBe(
      'kafka-commerce: your order 5d1c2b8a is confirmed (3 items, total 44.98).',
    );
    expect(sms?.body.length).toBeLessThanOrEqual(160);
  });

  it('sends no SMS to a customer without a phone, whatever the channels say', () => {
    const noPhone = { operationsEmail, customer: { ...ada, channels: ['email', 'sms'] as const } };
    expect(
      routes(planNotifications(consumed(orderConfirmedV1, orderConfirmedV1Fixture), noPhone)),
    ).toEqual(['email order-confirmed → ada@example.com']);
  });

  it('welcomes by email, whatever the channels', () => {
    expect(
      routes(planNotifications(consumed(userRegisteredV1, userRegisteredV1Fixture), smsOnly)),
    ).toEqual([`email welcome → ${userRegisteredV1Fixture.email}`]);
  });
});

describe('orderOwnerFrom', () => {
  it('learns the owner from order.created only', () => {
    expect(orderOwnerFrom(consumed(orderCreatedV1, orderCreatedV1Fixture))).toEqual({
      orderId: orderCreatedV1Fixture.orderId,
      userId: orderCreatedV1Fixture.userId,
    });
    expect(orderOwnerFrom(consumed(orderConfirmedV1, orderConfirmedV1Fixture))).toBeNull();
  });
});

describe('the fact a notification announces (one notification per fact and channel)', () => {
  const factKeys = (event: Parameters<typeof planNotifications>[0]) =>
    planNotifications(event, withAda).map((draft) => draft.factKey);

  it('is the same for copies of an event under fresh ids, so a copy mails no one again', () => {
    for (const [definition, payload] of [
      [orderConfirmedV1, orderConfirmedV1Fixture],
      [orderCancelledV1, orderCancelledV1Fixture],
      [paymentProcessedV1, paymentProcessedV1Fixture],
      [paymentRefundedV1, paymentRefundedV1Fixture],
      [userRegisteredV1, userRegisteredV1Fixture],
      [inventoryLowStockV1, inventoryLowStockV1Fixture],
      [sensorAlertRaisedV1, sensorAlertRaisedV1Fixture],
    ] as const) {
      const first = consumed(definition as EventDefinition, payload);
      const copy = consumed(definition as EventDefinition, payload);
      expect(copy.eventId).not.toBe(first.eventId);
      const keys = factKeys(first as Parameters<typeof planNotifications>[0]);
      expect(keys).toHaveLength(1);
      expect(factKeys(copy as Parameters<typeof planNotifications>[0])).toEqual(keys);
    }
  });

  it('names the order for order and payment mail, the user for the welcome', () => {
    expect(factKeys(consumed(orderConfirmedV1, orderConfirmedV1Fixture))).toEqual([
      `order-confirmed:${orderId}`,
    ]);
    expect(factKeys(consumed(paymentRefundedV1, paymentRefundedV1Fixture))).toEqual([
      `payment-refunded:${paymentRefundedV1Fixture.orderId}`,
    ]);
    expect(factKeys(consumed(userRegisteredV1, userRegisteredV1Fixture))).toEqual([
      `welcome:${userRegisteredV1Fixture.userId}`,
    ]);
  });

  it('tells different facts apart: another order, another crossing, another window', () => {
    const otherOrder = '0f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const keys = [
      ...factKeys(consumed(orderConfirmedV1, orderConfirmedV1Fixture)),
      ...factKeys(consumed(orderConfirmedV1, { ...orderConfirmedV1Fixture, orderId: otherOrder })),
      ...factKeys(consumed(orderCancelledV1, orderCancelledV1Fixture)),
      ...factKeys(consumed(inventoryLowStockV1, inventoryLowStockV1Fixture)),
      ...factKeys(
        consumed(inventoryLowStockV1, {
          ...inventoryLowStockV1Fixture,
          detectedAt: '2026-11-27T10:00:00.000Z',
        }),
      ),
      ...factKeys(consumed(sensorAlertRaisedV1, sensorAlertRaisedV1Fixture)),
      ...factKeys(
        consumed(sensorAlertRaisedV1, {
          ...sensorAlertRaisedV1Fixture,
          windowStart: '2026-11-26T10:00:05.000Z',
        }),
      ),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
