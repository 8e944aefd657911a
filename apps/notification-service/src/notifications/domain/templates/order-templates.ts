import { type Money } from '@kafka-commerce/money';
import { type RenderedMessage } from '../notification';
import { describeReason, formatMoney, lines, plural, shortId } from './format';

export interface OrderConfirmedData {
  readonly username: string;
  readonly orderId: string;
  readonly totalAmount: Money;
  readonly itemCount: number;
}

export function orderConfirmedMessage(data: OrderConfirmedData): RenderedMessage {
  return {
    subject: `Your order ${shortId(data.orderId)} is confirmed`,
    body: lines(
      `Hi ${data.username},`,
      '',
      `Your order ${data.orderId} (${plural(data.itemCount, 'item')}) is confirmed.`,
      `Total amount: ${formatMoney(data.totalAmount)}`,
      '',
      '— kafka-commerce',
    ),
  };
}

export interface OrderCancelledData {
  readonly username: string;
  readonly orderId: string;
  readonly reason: string;
}

export function orderCancelledMessage(data: OrderCancelledData): RenderedMessage {
  return {
    subject: `Your order ${shortId(data.orderId)} was cancelled`,
    body: lines(
      `Hi ${data.username},`,
      '',
      `Your order ${data.orderId} was cancelled: ${describeReason(data.reason)}.`,
      `Reason code: ${data.reason}`,
      'Anything you were charged for it is refunded.',
      '',
      '— kafka-commerce',
    ),
  };
}
