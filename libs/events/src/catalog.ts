import { type EventDefinition } from './define-event';
import {
  inventoryLowStockV1,
  inventoryLowStockV1Fixture,
} from './inventory/inventory-low-stock.v1';
import { inventoryRejectedV1, inventoryRejectedV1Fixture } from './inventory/inventory-rejected.v1';
import { inventoryReleasedV1, inventoryReleasedV1Fixture } from './inventory/inventory-released.v1';
import { inventoryReservedV1, inventoryReservedV1Fixture } from './inventory/inventory-reserved.v1';
import { orderCancelledV1, orderCancelledV1Fixture } from './orders/order-cancelled.v1';
import { orderConfirmedV1, orderConfirmedV1Fixture } from './orders/order-confirmed.v1';
import { orderCreatedV1, orderCreatedV1Fixture } from './orders/order-created.v1';
import { paymentProcessedV1, paymentProcessedV1Fixture } from './payments/payment-processed.v1';
import { paymentRefundedV1, paymentRefundedV1Fixture } from './payments/payment-refunded.v1';
import { productCreatedV1, productCreatedV1Fixture } from './products/product-created.v1';
import { productUpdatedV1, productUpdatedV1Fixture } from './products/product-updated.v1';
import { sensorAlertRaisedV1, sensorAlertRaisedV1Fixture } from './sensors/sensor-alert-raised.v1';
import {
  sensorAnomalyDetectedV1,
  sensorAnomalyDetectedV1Fixture,
} from './sensors/sensor-anomaly-detected.v1';
import {
  sensorTemperatureRecordedV1,
  sensorTemperatureRecordedV1Fixture,
} from './sensors/sensor-temperature-recorded.v1';
import {
  sensorTemperatureRecordedV2,
  sensorTemperatureRecordedV2Fixture,
} from './sensors/sensor-temperature-recorded.v2';
import { userRegisteredV1, userRegisteredV1Fixture } from './users/user-registered.v1';
import { userUpdatedV1, userUpdatedV1Fixture } from './users/user-updated.v1';

/**
 * Every published event version, with a valid example of each (used by contract tests and
 * the schema/AsyncAPI generator). A published version is never removed from this list.
 */
export const EVENT_CATALOG = [
  { definition: userRegisteredV1, fixture: userRegisteredV1Fixture },
  { definition: userUpdatedV1, fixture: userUpdatedV1Fixture },
  { definition: productCreatedV1, fixture: productCreatedV1Fixture },
  { definition: productUpdatedV1, fixture: productUpdatedV1Fixture },
  { definition: inventoryLowStockV1, fixture: inventoryLowStockV1Fixture },
  { definition: orderCreatedV1, fixture: orderCreatedV1Fixture },
  { definition: orderConfirmedV1, fixture: orderConfirmedV1Fixture },
  { definition: orderCancelledV1, fixture: orderCancelledV1Fixture },
  { definition: inventoryReservedV1, fixture: inventoryReservedV1Fixture },
  { definition: inventoryRejectedV1, fixture: inventoryRejectedV1Fixture },
  { definition: inventoryReleasedV1, fixture: inventoryReleasedV1Fixture },
  { definition: paymentProcessedV1, fixture: paymentProcessedV1Fixture },
  { definition: paymentRefundedV1, fixture: paymentRefundedV1Fixture },
  { definition: sensorTemperatureRecordedV1, fixture: sensorTemperatureRecordedV1Fixture },
  { definition: sensorTemperatureRecordedV2, fixture: sensorTemperatureRecordedV2Fixture },
  { definition: sensorAlertRaisedV1, fixture: sensorAlertRaisedV1Fixture },
  { definition: sensorAnomalyDetectedV1, fixture: sensorAnomalyDetectedV1Fixture },
] as const;

export const ALL_EVENTS: readonly EventDefinition[] = EVENT_CATALOG.map(
  (entry) => entry.definition,
);
