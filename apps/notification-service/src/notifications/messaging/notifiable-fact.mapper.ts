import {
  type EventOf,
  type inventoryLowStockV1,
  type orderCancelledV1,
  type orderConfirmedV1,
  type orderCreatedV1,
  type paymentProcessedV1,
  type paymentRefundedV1,
  type sensorAlertRaisedV1,
  type sensorAnomalyDetectedV1,
} from '@kafka-commerce/events';
import { type ReportedFact } from '../application/notify-on-event/notify-on-event.handler';
import { type NotifiableFact } from '../domain/notifiable-fact';

export type OrderEvent = EventOf<
  typeof orderCreatedV1 | typeof orderConfirmedV1 | typeof orderCancelledV1
>;
export type PaymentEvent = EventOf<typeof paymentProcessedV1 | typeof paymentRefundedV1>;
export type LowStockEvent = EventOf<typeof inventoryLowStockV1>;
export type SensorAlertEvent = EventOf<typeof sensorAlertRaisedV1 | typeof sensorAnomalyDetectedV1>;

/** Every event that reports a fact we notify about, on every topic the consumers read. */
export type NotifiableEvent = OrderEvent | PaymentEvent | LowStockEvent | SensorAlertEvent;

/** A batch of events as the facts they report, in order, each with its event's id. */
export function reportedFacts(events: readonly NotifiableEvent[]): ReportedFact[] {
  return events.map((event) => ({ eventId: event.eventId, fact: notifiableFactOf(event) }));
}

export function notifiableFactOf(event: NotifiableEvent): NotifiableFact {
  switch (event.type) {
    case 'order.created': {
      const { orderId, userId } = event.payload;
      return { kind: 'order-placed', orderId, userId };
    }
    case 'order.confirmed': {
      const { orderId, userId, totalAmount, items } = event.payload;
      const itemCount = items.reduce((sum, item) => sum + item.quantity, 0);
      return { kind: 'order-confirmed', orderId, userId, totalAmount, itemCount };
    }
    case 'order.cancelled': {
      const { orderId, userId, reason } = event.payload;
      return { kind: 'order-cancelled', orderId, userId, reason };
    }
    case 'payment.processed':
      return paymentOutcome(event.payload);
    case 'payment.refunded': {
      const { orderId, amount } = event.payload;
      return { kind: 'payment-refunded', orderId, amount };
    }
    case 'inventory.low-stock': {
      const { productId, sku, available, threshold, detectedAt } = event.payload;
      return { kind: 'stock-ran-low', productId, sku, available, threshold, detectedAt };
    }
    case 'sensor.alert-raised': {
      const { sensorId, windowStart, windowEnd, count, average, threshold } = event.payload;
      return {
        kind: 'sensor-alert-raised',
        sensorId,
        windowStart,
        windowEnd,
        count,
        average,
        threshold,
      };
    }
    case 'sensor.anomaly-detected': {
      const { sensorId, fault, readingAt, temperature, expected, score } = event.payload;
      return {
        kind: 'sensor-anomaly-detected',
        sensorId,
        fault,
        readingAt,
        temperature,
        expected,
        score,
      };
    }
  }
}

function paymentOutcome(payment: EventOf<typeof paymentProcessedV1>['payload']): NotifiableFact {
  const { orderId, amount, status, reason } = payment;
  switch (status) {
    case 'SUCCEEDED':
      return { kind: 'payment-succeeded', orderId, amount };
    case 'FAILED':
      return { kind: 'payment-failed', orderId, amount, reason: reason ?? null };
  }
}
