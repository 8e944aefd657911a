import { type Money } from '@kafka-commerce/money';
import { type RenderedMessage } from '../notification';
import { describeReason, formatMoney, lines, shortId } from './format';

export interface PaymentData {
  readonly username: string;
  readonly orderId: string;
  readonly amount: Money;
}

export function paymentSucceededMessage(data: PaymentData): RenderedMessage {
  return {
    subject: `Payment received for order ${shortId(data.orderId)}`,
    body: lines(
      `Hi ${data.username},`,
      '',
      `We received your payment of ${formatMoney(data.amount)} for order ${data.orderId}.`,
      '',
      '— kafka-commerce',
    ),
  };
}

export interface PaymentFailedData extends PaymentData {
  readonly reason: string;
}

export function paymentFailedMessage(data: PaymentFailedData): RenderedMessage {
  return {
    subject: `Payment failed for order ${shortId(data.orderId)}`,
    body: lines(
      `Hi ${data.username},`,
      '',
      `Your payment of ${formatMoney(data.amount)} for order ${data.orderId} failed: ${describeReason(data.reason)}.`,
      `Reason code: ${data.reason}`,
      'You have not been charged.',
      '',
      '— kafka-commerce',
    ),
  };
}

export function paymentRefundedMessage(data: PaymentData): RenderedMessage {
  return {
    subject: `Refund issued for order ${shortId(data.orderId)}`,
    body: lines(
      `Hi ${data.username},`,
      '',
      `We refunded ${formatMoney(data.amount)} for order ${data.orderId}.`,
      'Depending on your bank it can take a few days to appear on your statement.',
      '',
      '— kafka-commerce',
    ),
  };
}
