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

/*
 * The events notification-service consumes, as its consumers receive them: whole envelopes
 * (a fresh event id each) built with createEvent from the contract's fixture, with the
 * fields a test names changed.
 */

type Overrides<TDefinition extends EventDefinition> = Partial<z.input<TDefinition['schema']>>;

function consumed<TDefinition extends EventDefinition>(
  definition: TDefinition,
  payload: z.input<TDefinition['schema']>,
): EventOf<TDefinition> {
  return createEvent(definition, payload, { producer: 'test', correlationId: 'test' })
    .envelope as EventOf<TDefinition>;
}

export const userRegistered = (overrides: Overrides<typeof userRegisteredV1> = {}) =>
  consumed(userRegisteredV1, { ...userRegisteredV1Fixture, ...overrides });

export const userUpdated = (overrides: Overrides<typeof userUpdatedV1> = {}) =>
  consumed(userUpdatedV1, { ...userUpdatedV1Fixture, ...overrides });

export const orderCreated = (overrides: Overrides<typeof orderCreatedV1> = {}) =>
  consumed(orderCreatedV1, { ...orderCreatedV1Fixture, ...overrides });

export const orderConfirmed = (overrides: Overrides<typeof orderConfirmedV1> = {}) =>
  consumed(orderConfirmedV1, { ...orderConfirmedV1Fixture, ...overrides });

export const orderCancelled = (overrides: Overrides<typeof orderCancelledV1> = {}) =>
  consumed(orderCancelledV1, { ...orderCancelledV1Fixture, ...overrides });

export const paymentProcessed = (overrides: Overrides<typeof paymentProcessedV1> = {}) =>
  consumed(paymentProcessedV1, { ...paymentProcessedV1Fixture, ...overrides });

export const paymentRefunded = (overrides: Overrides<typeof paymentRefundedV1> = {}) =>
  consumed(paymentRefundedV1, { ...paymentRefundedV1Fixture, ...overrides });

export const inventoryLowStock = (overrides: Overrides<typeof inventoryLowStockV1> = {}) =>
  consumed(inventoryLowStockV1, { ...inventoryLowStockV1Fixture, ...overrides });

export const sensorAlertRaised = (overrides: Overrides<typeof sensorAlertRaisedV1> = {}) =>
  consumed(sensorAlertRaisedV1, { ...sensorAlertRaisedV1Fixture, ...overrides });

export const sensorAnomalyDetected = (overrides: Overrides<typeof sensorAnomalyDetectedV1> = {}) =>
  consumed(sensorAnomalyDetectedV1, { ...sensorAnomalyDetectedV1Fixture, ...overrides });
