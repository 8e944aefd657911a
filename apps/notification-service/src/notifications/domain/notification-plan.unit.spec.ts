import { type NotifiableFact } from './notifiable-fact';
import { type Customer } from './notification';
import { customerLookupFor, orderOwnerFrom, planNotifications } from './notification-plan';

const userId = '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11';
const orderId = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

const userRegistered = {
  kind: 'user-registered',
  userId,
  email: 'ada@example.com',
  username: 'ada',
} as const satisfies NotifiableFact;
const orderPlaced = { kind: 'order-placed', orderId, userId } as const satisfies NotifiableFact;
const orderConfirmed = {
  kind: 'order-confirmed',
  orderId,
  userId,
  totalAmount: '44.98',
  itemCount: 3,
} as const satisfies NotifiableFact;
const orderCancelled = {
  kind: 'order-cancelled',
  orderId,
  userId,
  reason: 'card_declined',
} as const satisfies NotifiableFact;
const paymentSucceeded = {
  kind: 'payment-succeeded',
  orderId,
  amount: '44.98',
} as const satisfies NotifiableFact;
const paymentFailed = {
  kind: 'payment-failed',
  orderId,
  amount: '44.98',
  reason: 'card_declined',
} as const satisfies NotifiableFact;
const paymentRefunded = {
  kind: 'payment-refunded',
  orderId,
  amount: '44.98',
} as const satisfies NotifiableFact;
const stockRanLow = {
  kind: 'stock-ran-low',
  productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
  sku: 'MUG-001',
  available: 8,
  threshold: 10,
  detectedAt: '2026-11-26T10:00:02.000Z',
} as const satisfies NotifiableFact;
const sensorAlertRaised = {
  kind: 'sensor-alert-raised',
  sensorId: 'greenhouse-7',
  windowStart: '2026-11-26T10:00:00.000Z',
  windowEnd: '2026-11-26T10:00:05.000Z',
  count: 412,
  average: 31.25,
  threshold: 30,
} as const satisfies NotifiableFact;
const sensorAnomalyDetected = {
  kind: 'sensor-anomaly-detected',
  sensorId: 'greenhouse-7',
  fault: 'spike',
  readingAt: '2026-11-26T10:00:04.250Z',
  temperature: 48.5,
  expected: 21.4,
  score: 11.3,
} as const satisfies NotifiableFact;

const operationsEmail = 'ops@example.com';
const ada: Customer = {
  userId: userId,
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  channels: ['email'],
};
const withAda = { operationsEmail, customer: ada };
const nobody = { operationsEmail, customer: null };

describe('planNotifications: which notifications a fact calls for', () => {
  it('a user registered → a welcome email to the new user, from the fact itself', () => {
    const [welcome, ...rest] = planNotifications(userRegistered, nobody);
    expect(rest).toHaveLength(0);
    expect(welcome).toMatchObject({
      channel: 'email',
      template: 'welcome',
      recipient: userRegistered.email,
      userId: userId,
      orderId: null,
      subject: 'Welcome to kafka-commerce, ada',
    });
  });

  it('an order confirmed → order-confirmed email to the customer, with the total', () => {
    const drafts = planNotifications(orderConfirmed, withAda);
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

  it('an order cancelled → order-cancelled email with the reason', () => {
    const drafts = planNotifications(orderCancelled, withAda);
    expect(drafts).toEqual([
      expect.objectContaining({
        template: 'order-cancelled',
        recipient: 'ada@example.com',
        orderId,
        body: expect.stringContaining('the card was declined'),
      }),
    ]);
  });

  it('a payment → payment-succeeded or payment-failed, by its outcome', () => {
    expect(planNotifications(paymentSucceeded, withAda).map((draft) => draft.template)).toEqual([
      'payment-succeeded',
    ]);
    const [failed] = planNotifications(paymentFailed, withAda);
    expect(failed).toMatchObject({ template: 'payment-failed', orderId, userId: ada.userId });
    expect(failed?.body).toContain('Reason code: card_declined');
    const [unexplained] = planNotifications({ ...paymentFailed, reason: null }, withAda);
    expect(unexplained?.body).toContain('Reason code: unknown');
  });

  it('a payment refunded → payment-refunded email with the amount', () => {
    const [refunded] = planNotifications(paymentRefunded, withAda);
    expect(refunded).toMatchObject({ template: 'payment-refunded', recipient: ada.email });
    expect(refunded?.body).toContain('We refunded 44.98');
  });

  it('low stock, a sensor alert and a sensor anomaly → email to operations, no user', () => {
    const lowStock = planNotifications(stockRanLow, nobody);
    const alert = planNotifications(sensorAlertRaised, nobody);
    const anomaly = planNotifications(sensorAnomalyDetected, nobody);
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

  it('an order placed → nothing (it only teaches the order owner)', () => {
    expect(planNotifications(orderPlaced, nobody)).toEqual([]);
  });

  it('refuses to plan customer mail whose customer was not resolved', () => {
    expect(() => planNotifications(orderConfirmed, nobody)).toThrow(
      'order-confirmed needs its customer resolved',
    );
  });
});

describe('customerLookupFor', () => {
  it('finds order mail by user, payment mail by order, and needs nothing for the rest', () => {
    expect(customerLookupFor(orderConfirmed)).toEqual({
      by: 'user',
      userId: userId,
    });
    expect(customerLookupFor(orderCancelled)).toEqual({
      by: 'user',
      userId: userId,
    });
    expect(customerLookupFor(paymentRefunded)).toEqual({
      by: 'order',
      orderId,
    });
    expect(customerLookupFor(userRegistered)).toBeNull();
    expect(customerLookupFor(stockRanLow)).toBeNull();
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
    expect(routes(planNotifications(orderConfirmed, both))).toEqual([
      'email order-confirmed → ada@example.com',
      `sms order-confirmed → ${phone}`,
    ]);
    expect(routes(planNotifications(orderCancelled, both))).toEqual([
      'email order-cancelled → ada@example.com',
      `sms order-cancelled → ${phone}`,
    ]);
    expect(routes(planNotifications(paymentRefunded, both))).toEqual([
      'email payment-refunded → ada@example.com',
      `sms payment-refunded → ${phone}`,
    ]);
  });

  it('SMS only: no email at all, and nothing for payment outcomes (the order SMS tells)', () => {
    expect(routes(planNotifications(orderConfirmed, smsOnly))).toEqual([
      `sms order-confirmed → ${phone}`,
    ]);
    expect(planNotifications(paymentFailed, smsOnly)).toEqual([]);
  });

  it('an SMS is short, names the order, and announces the same fact as the email', () => {
    const [email, sms] = planNotifications(orderConfirmed, both);
    expect(sms).toMatchObject({ userId: ada.userId, orderId, factKey: email?.factKey });
    expect(sms?.body).toBe(
      'kafka-commerce: your order 5d1c2b8a is confirmed (3 items, total 44.98).',
    );
    expect(sms?.body.length).toBeLessThanOrEqual(160);
  });

  it('sends no SMS to a customer without a phone, whatever the channels say', () => {
    const noPhone = { operationsEmail, customer: { ...ada, channels: ['email', 'sms'] as const } };
    expect(routes(planNotifications(orderConfirmed, noPhone))).toEqual([
      'email order-confirmed → ada@example.com',
    ]);
  });

  it('welcomes by email, whatever the channels', () => {
    expect(routes(planNotifications(userRegistered, smsOnly))).toEqual([
      `email welcome → ${userRegistered.email}`,
    ]);
  });
});

describe('orderOwnerFrom', () => {
  it('learns the owner from an order placed only', () => {
    expect(orderOwnerFrom(orderPlaced)).toEqual({
      orderId: orderId,
      userId: userId,
    });
    expect(orderOwnerFrom(orderConfirmed)).toBeNull();
  });
});

describe('the fact a notification announces (one notification per fact and channel)', () => {
  const factKeys = (fact: NotifiableFact) =>
    planNotifications(fact, withAda).map((draft) => draft.factKey);

  it('comes from the fact alone, so a copy of its event under a fresh id mails no one again', () => {
    for (const fact of [
      orderConfirmed,
      orderCancelled,
      paymentFailed,
      paymentRefunded,
      userRegistered,
      stockRanLow,
      sensorAlertRaised,
    ]) {
      const keys = factKeys(fact);
      expect(keys).toHaveLength(1);
      expect(factKeys({ ...fact })).toEqual(keys);
    }
  });

  it('names the order for order and payment mail, the user for the welcome', () => {
    expect(factKeys(orderConfirmed)).toEqual([`order-confirmed:${orderId}`]);
    expect(factKeys(paymentRefunded)).toEqual([`payment-refunded:${orderId}`]);
    expect(factKeys(userRegistered)).toEqual([`welcome:${userId}`]);
  });

  it('tells different facts apart: another order, another crossing, another window', () => {
    const otherOrder = '0f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const keys = [
      ...factKeys(orderConfirmed),
      ...factKeys({ ...orderConfirmed, orderId: otherOrder }),
      ...factKeys(orderCancelled),
      ...factKeys(stockRanLow),
      ...factKeys({ ...stockRanLow, detectedAt: '2026-11-27T10:00:00.000Z' }),
      ...factKeys(sensorAlertRaised),
      ...factKeys({ ...sensorAlertRaised, windowStart: '2026-11-26T10:00:05.000Z' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
