import {
  inventoryLowStockV1,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  paymentProcessedV1,
  paymentRefundedV1,
  sensorAlertRaisedV1,
  sensorAnomalyDetectedV1,
  userRegisteredV1,
  userUpdatedV1,
} from '@kafka-commerce/events';
import { eventFactory } from '@kafka-commerce/testing';

/*
 * The events notification-service consumes, as its consumers receive them: whole envelopes
 * (a fresh event id each) built with createEvent from the contract's fixture, with the
 * fields a test names changed.
 */

const origin = { producer: 'test', correlationId: 'test' };

export const userRegistered = eventFactory(userRegisteredV1, origin);
export const userUpdated = eventFactory(userUpdatedV1, origin);
export const orderCreated = eventFactory(orderCreatedV1, origin);
export const orderConfirmed = eventFactory(orderConfirmedV1, origin);
export const orderCancelled = eventFactory(orderCancelledV1, origin);
export const paymentProcessed = eventFactory(paymentProcessedV1, origin);
export const paymentRefunded = eventFactory(paymentRefundedV1, origin);
export const inventoryLowStock = eventFactory(inventoryLowStockV1, origin);
export const sensorAlertRaised = eventFactory(sensorAlertRaisedV1, origin);
export const sensorAnomalyDetected = eventFactory(sensorAnomalyDetectedV1, origin);
