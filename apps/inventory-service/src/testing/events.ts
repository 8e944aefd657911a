import { randomUUID } from 'node:crypto';
import {
  createEvent,
  type EventOf,
  orderCancelledV1,
  orderCancelledV1Fixture,
  orderConfirmedV1,
  orderConfirmedV1Fixture,
  orderCreatedV1,
  orderCreatedV1Fixture,
} from '@kafka-commerce/events';

/** An order's line as the tests write it; the events' unit price is a fixed 1.00. */
export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
}

const FROM_ORDER_SERVICE = { producer: 'order-service' };

// The order events inventory-service consumes, each a whole envelope as order-service would
// publish it (createEvent), for the consumer's specs.

export function orderCreated(
  lines: readonly OrderLine[],
  orderId: string = randomUUID(),
): EventOf<typeof orderCreatedV1> {
  const items = lines.map((line) => ({ ...line, unitPrice: '1.00' }));
  return createEvent(
    orderCreatedV1,
    { ...orderCreatedV1Fixture, orderId, items },
    { ...FROM_ORDER_SERVICE, correlationId: orderId },
  ).envelope;
}

export function orderConfirmed(
  lines: readonly OrderLine[],
  orderId: string,
): EventOf<typeof orderConfirmedV1> {
  const items = lines.map((line) => ({ ...line, unitPrice: '1.00' }));
  return createEvent(
    orderConfirmedV1,
    { ...orderConfirmedV1Fixture, orderId, items },
    { ...FROM_ORDER_SERVICE, correlationId: orderId },
  ).envelope;
}

export function orderCancelled(
  lines: readonly OrderLine[],
  orderId: string,
): EventOf<typeof orderCancelledV1> {
  return createEvent(
    orderCancelledV1,
    { ...orderCancelledV1Fixture, orderId, items: [...lines] },
    { ...FROM_ORDER_SERVICE, correlationId: orderId },
  ).envelope;
}
