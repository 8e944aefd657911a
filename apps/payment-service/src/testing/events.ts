import {
  createEvent,
  type EventOf,
  inventoryRejectedV1,
  inventoryRejectedV1Fixture,
  inventoryReleasedV1,
  inventoryReleasedV1Fixture,
  inventoryReservedV1,
  inventoryReservedV1Fixture,
  orderCancelledV1,
  orderCancelledV1Fixture,
  orderConfirmedV1,
  orderConfirmedV1Fixture,
  orderCreatedV1,
  orderCreatedV1Fixture,
} from '@kafka-commerce/events';

// The events payment-service consumes, as whole envelopes built through the real event
// definitions: each payload is the contract's fixture with any field overridden.

type PayloadOf<TDefinition> = EventOf<TDefinition>['payload'];

const origin = (producer: string) => ({ producer, correlationId: 'test-correlation' });

export function orderCreated(
  overrides: Partial<PayloadOf<typeof orderCreatedV1>> = {},
): EventOf<typeof orderCreatedV1> {
  return createEvent(
    orderCreatedV1,
    { ...orderCreatedV1Fixture, ...overrides },
    origin('order-service'),
  ).envelope;
}

export function orderConfirmed(
  overrides: Partial<PayloadOf<typeof orderConfirmedV1>> = {},
): EventOf<typeof orderConfirmedV1> {
  return createEvent(
    orderConfirmedV1,
    { ...orderConfirmedV1Fixture, ...overrides },
    origin('order-service'),
  ).envelope;
}

export function orderCancelled(
  overrides: Partial<PayloadOf<typeof orderCancelledV1>> = {},
): EventOf<typeof orderCancelledV1> {
  return createEvent(
    orderCancelledV1,
    { ...orderCancelledV1Fixture, ...overrides },
    origin('order-service'),
  ).envelope;
}

export function inventoryReserved(
  overrides: Partial<PayloadOf<typeof inventoryReservedV1>> = {},
): EventOf<typeof inventoryReservedV1> {
  return createEvent(
    inventoryReservedV1,
    { ...inventoryReservedV1Fixture, ...overrides },
    origin('inventory-service'),
  ).envelope;
}

export function inventoryRejected(
  overrides: Partial<PayloadOf<typeof inventoryRejectedV1>> = {},
): EventOf<typeof inventoryRejectedV1> {
  return createEvent(
    inventoryRejectedV1,
    { ...inventoryRejectedV1Fixture, ...overrides },
    origin('inventory-service'),
  ).envelope;
}

export function inventoryReleased(
  overrides: Partial<PayloadOf<typeof inventoryReleasedV1>> = {},
): EventOf<typeof inventoryReleasedV1> {
  return createEvent(
    inventoryReleasedV1,
    { ...inventoryReleasedV1Fixture, ...overrides },
    origin('inventory-service'),
  ).envelope;
}
