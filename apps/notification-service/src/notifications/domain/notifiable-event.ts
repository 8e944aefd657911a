import {
  type EventOf,
  type inventoryLowStockV1,
  type orderCancelledV1,
  type orderConfirmedV1,
  type orderCreatedV1,
  type paymentProcessedV1,
  type paymentRefundedV1,
  type productCreatedV1,
  type productUpdatedV1,
  type sensorAlertRaisedV1,
  type sensorAnomalyDetectedV1,
  type userRegisteredV1,
  type userUpdatedV1,
} from '@kafka-commerce/events';

export type UserEvent = EventOf<typeof userRegisteredV1 | typeof userUpdatedV1>;
export type OrderEvent = EventOf<
  typeof orderCreatedV1 | typeof orderConfirmedV1 | typeof orderCancelledV1
>;
export type PaymentEvent = EventOf<typeof paymentProcessedV1 | typeof paymentRefundedV1>;
export type ProductEvent = EventOf<
  typeof productCreatedV1 | typeof productUpdatedV1 | typeof inventoryLowStockV1
>;
export type SensorAlertEvent = EventOf<typeof sensorAlertRaisedV1 | typeof sensorAnomalyDetectedV1>;

/** Every event notification-service consumes, on every topic it reads. */
export type NotifiableEvent =
  UserEvent | OrderEvent | PaymentEvent | ProductEvent | SensorAlertEvent;
