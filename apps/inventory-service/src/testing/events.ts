import { randomUUID } from 'node:crypto';
import {
  type EventOf,
  orderCancelledV1,
  orderCancelledV1Fixture,
  orderConfirmedV1,
  orderConfirmedV1Fixture,
  orderCreatedV1,
  orderCreatedV1Fixture,
} from '@kafka-commerce/events';
import { eventOf } from '@kafka-commerce/testing';

/** An order's line as the tests write it; the events' unit price is a fixed 1.00. */
export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
}

// The order events inventory-service consumes, each a whole envelope as order-service would
// publish it (createEvent), for the consumer's specs.

const fromOrderService = (orderId: string) => ({
  producer: 'order-service',
  correlationId: orderId,
});
const priced = (lines: readonly OrderLine[]) =>
  lines.map((line) => ({ ...line, unitPrice: '1.00' }));

export function orderCreated(
  lines: readonly OrderLine[],
  orderId: string = randomUUID(),
): EventOf<typeof orderCreatedV1> {
  const payload = { ...orderCreatedV1Fixture, orderId, items: priced(lines) };
  return eventOf(orderCreatedV1, payload, fromOrderService(orderId));
}

export function orderConfirmed(
  lines: readonly OrderLine[],
  orderId: string,
): EventOf<typeof orderConfirmedV1> {
  const payload = { ...orderConfirmedV1Fixture, orderId, items: priced(lines) };
  return eventOf(orderConfirmedV1, payload, fromOrderService(orderId));
}

export function orderCancelled(
  lines: readonly OrderLine[],
  orderId: string,
): EventOf<typeof orderCancelledV1> {
  const payload = { ...orderCancelledV1Fixture, orderId, items: [...lines] };
  return eventOf(orderCancelledV1, payload, fromOrderService(orderId));
}
