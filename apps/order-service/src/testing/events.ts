import {
  createEvent,
  type EventOf,
  inventoryLowStockV1,
  inventoryLowStockV1Fixture,
  inventoryRejectedV1,
  inventoryRejectedV1Fixture,
  paymentProcessedV1,
  paymentProcessedV1Fixture,
  productCreatedV1,
  productCreatedV1Fixture,
  productUpdatedV1,
  productUpdatedV1Fixture,
} from '@kafka-commerce/events';

// The events order-service consumes, as whole envelopes built through the real event
// definitions: each payload is the contract's fixture with any field overridden.

type PayloadOf<TDefinition> = EventOf<TDefinition>['payload'];

const origin = (producer: string) => ({ producer, correlationId: 'test-correlation' });

export function productCreated(
  overrides: Partial<PayloadOf<typeof productCreatedV1>> = {},
): EventOf<typeof productCreatedV1> {
  return createEvent(
    productCreatedV1,
    { ...productCreatedV1Fixture, ...overrides },
    origin('inventory-service'),
  ).envelope;
}

export function productUpdated(
  overrides: Partial<PayloadOf<typeof productUpdatedV1>> = {},
): EventOf<typeof productUpdatedV1> {
  return createEvent(
    productUpdatedV1,
    { ...productUpdatedV1Fixture, ...overrides },
    origin('inventory-service'),
  ).envelope;
}

export function inventoryLowStock(
  overrides: Partial<PayloadOf<typeof inventoryLowStockV1>> = {},
): EventOf<typeof inventoryLowStockV1> {
  return createEvent(
    inventoryLowStockV1,
    { ...inventoryLowStockV1Fixture, ...overrides },
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

export function paymentProcessed(
  overrides: Partial<PayloadOf<typeof paymentProcessedV1>> = {},
): EventOf<typeof paymentProcessedV1> {
  return createEvent(
    paymentProcessedV1,
    { ...paymentProcessedV1Fixture, ...overrides },
    origin('payment-service'),
  ).envelope;
}
