import { describeReason, formatMoney, shortId } from './format';
import { lowStockMessage, sensorAlertMessage } from './operations-templates';
import { orderCancelledMessage, orderConfirmedMessage } from './order-templates';
import {
  paymentFailedMessage,
  paymentRefundedMessage,
  paymentSucceededMessage,
} from './payment-templates';
import { orderCancelledSms, orderConfirmedSms, paymentRefundedSms } from './sms-templates';
import { welcomeMessage } from './welcome-template';

const orderId = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

describe('format helpers', () => {
  it('shortens an id to its first block', () => {
    expect(shortId(orderId)).toBe('5d1c2b8a');
  });

  it('prints money with two decimals, exactly', () => {
    expect(formatMoney('5')).toBe('5.00');
    expect(formatMoney('44.9')).toBe('44.90');
    expect(formatMoney('12345678901234.99')).toBe('12345678901234.99');
  });

  it('explains known reasons and shows unknown codes readably', () => {
    expect(describeReason('card_declined')).toBe('the card was declined');
    expect(describeReason('out_of_stock')).toBe('an item is out of stock');
    expect(describeReason('warehouse_on_fire')).toBe('warehouse on fire');
  });
});

describe('customer templates', () => {
  it('welcome greets the user by name', () => {
    const message = welcomeMessage({ username: 'ada' });
    expect(message.subject).toBe('Welcome to kafka-commerce, ada');
    expect(message.body).toContain('Hi ada,');
  });

  it('order-confirmed names the order in the subject and the total in the body', () => {
    const message = orderConfirmedMessage({
      username: 'ada',
      orderId,
      totalAmount: '44.9',
      itemCount: 3,
    });
    expect(message.subject).toBe('Your order 5d1c2b8a is confirmed');
    expect(message.body).toContain(`Your order ${orderId} (3 items) is confirmed.`);
    expect(message.body).toContain('Total amount: 44.90');
  });

  it('order-cancelled gives the reason in words and as a code', () => {
    const message = orderCancelledMessage({ username: 'ada', orderId, reason: 'out_of_stock' });
    expect(message.subject).toBe('Your order 5d1c2b8a was cancelled');
    expect(message.body).toContain('was cancelled: an item is out of stock.');
    expect(message.body).toContain('Reason code: out_of_stock');
  });

  it('payment mails carry the amount; a failed one its reason', () => {
    const data = { username: 'ada', orderId, amount: '44.98' };
    expect(paymentSucceededMessage(data)).toEqual({
      subject: 'Payment received for order 5d1c2b8a',
      body: expect.stringContaining(`payment of 44.98 for order ${orderId}`),
    });
    const failed = paymentFailedMessage({ ...data, reason: 'amount_limit_exceeded' });
    expect(failed.subject).toBe('Payment failed for order 5d1c2b8a');
    expect(failed.body).toContain('failed: the amount is above the payment limit.');
    expect(failed.body).toContain('You have not been charged.');
    const refunded = paymentRefundedMessage(data);
    expect(refunded.subject).toBe('Refund issued for order 5d1c2b8a');
    expect(refunded.body).toContain(`We refunded 44.98 for order ${orderId}.`);
  });
});

describe('operations templates', () => {
  it('low-stock names the product and what is left', () => {
    const message = lowStockMessage({
      productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
      sku: 'MUG-001',
      available: 8,
      threshold: 10,
      detectedAt: '2026-11-26T10:00:02.000Z',
    });
    expect(message.subject).toBe('Low stock: MUG-001 (8 left)');
    expect(message.body).toContain('Available: 8, threshold: 10.');
  });

  it('sensor-alert gives average, threshold and window', () => {
    const message = sensorAlertMessage({
      sensorId: 'greenhouse-7',
      windowStart: '2026-11-26T10:00:00.000Z',
      windowEnd: '2026-11-26T10:00:05.000Z',
      count: 412,
      average: 31.254,
      threshold: 30,
    });
    expect(message.subject).toBe('Sensor alert: greenhouse-7 averaged 31.25 (threshold 30.00)');
    expect(message.body).toContain('over 412 readings');
    expect(message.body).toContain('Window: 2026-11-26T10:00:00.000Z – 2026-11-26T10:00:05.000Z.');
  });

  it('every body is plain text ending with a newline', () => {
    const bodies = [
      welcomeMessage({ username: 'x' }).body,
      orderCancelledMessage({ username: 'x', orderId, reason: 'card_declined' }).body,
    ];
    for (const body of bodies) {
      expect(body.endsWith('\n')).toBe(true);
      expect(body).not.toMatch(/<[a-z]+>/);
    }
  });
});

describe('SMS templates', () => {
  it('fit one segment, name the short order id and the facts', () => {
    const texts = [
      orderConfirmedSms({ orderId, totalAmount: '44.9', itemCount: 1 }),
      orderCancelledSms({ orderId, reason: 'amount_limit_exceeded' }),
      paymentRefundedSms({ orderId, amount: '12345.5' }),
    ];
    expect(texts.map((text) => text.body)).toEqual([
      'kafka-commerce: your order 5d1c2b8a is confirmed (1 item, total 44.90).',
      'kafka-commerce: your order 5d1c2b8a was cancelled: the amount is above the payment limit. Anything you were charged is refunded.',
      'kafka-commerce: we refunded 12345.50 for order 5d1c2b8a.',
    ]);
    for (const text of texts) {
      expect(text.body.length).toBeLessThanOrEqual(160);
      expect(text.body).not.toContain('\n');
      expect(text.subject).toContain('5d1c2b8a');
    }
  });
});
