import { type Money } from '@kafka-commerce/money';
import { type RenderedMessage } from '../notification';
import { describeReason, formatMoney, plural, shortId } from './format';

/*
 * SMS texts: one line, no greeting, the short order id, well under 160 characters so that
 * one segment carries them. The subject is stored for the notification list only; an SMS
 * has none.
 */

export interface OrderConfirmedSmsData {
  readonly orderId: string;
  readonly totalAmount: Money;
  readonly itemCount: number;
}

export function orderConfirmedSms(data: OrderConfirmedSmsData): RenderedMessage {
  const order = shortId(data.orderId);
  return {
    subject: `Order ${order} confirmed`,
    body: `kafka-commerce: your order ${order} is confirmed (${plural(data.itemCount, 'item')}, total ${formatMoney(data.totalAmount)}).`,
  };
}

export interface OrderCancelledSmsData {
  readonly orderId: string;
  readonly reason: string;
}

export function orderCancelledSms(data: OrderCancelledSmsData): RenderedMessage {
  const order = shortId(data.orderId);
  return {
    subject: `Order ${order} cancelled`,
    body: `kafka-commerce: your order ${order} was cancelled: ${describeReason(data.reason)}. Anything you were charged is refunded.`,
  };
}

export interface PaymentRefundedSmsData {
  readonly orderId: string;
  readonly amount: Money;
}

export function paymentRefundedSms(data: PaymentRefundedSmsData): RenderedMessage {
  const order = shortId(data.orderId);
  return {
    subject: `Refund for order ${order}`,
    body: `kafka-commerce: we refunded ${formatMoney(data.amount)} for order ${order}.`,
  };
}
