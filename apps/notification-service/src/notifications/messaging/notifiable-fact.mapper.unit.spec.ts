import {
  inventoryLowStockV1Fixture,
  orderConfirmedV1Fixture,
  orderCreatedV1Fixture,
  paymentProcessedV1Fixture,
  sensorAlertRaisedV1Fixture,
  sensorAnomalyDetectedV1Fixture,
} from '@kafka-commerce/events';
import {
  inventoryLowStock,
  orderCancelled,
  orderConfirmed,
  orderCreated,
  paymentProcessed,
  paymentRefunded,
  sensorAlertRaised,
  sensorAnomalyDetected,
} from '../../testing/events';
import { notifiableFactOf, reportedFacts } from './notifiable-fact.mapper';

const { orderId, userId } = orderCreatedV1Fixture;

describe('notifiableFactOf: the fact an event reports', () => {
  it('order.created → an order placed, with its owner', () => {
    expect(notifiableFactOf(orderCreated())).toEqual({ kind: 'order-placed', orderId, userId });
  });

  it('order.confirmed → the total and the units of all lines', () => {
    expect(notifiableFactOf(orderConfirmed())).toEqual({
      kind: 'order-confirmed',
      orderId,
      userId,
      totalAmount: orderConfirmedV1Fixture.totalAmount,
      itemCount: 3,
    });
  });

  it('order.cancelled → its reason code', () => {
    expect(notifiableFactOf(orderCancelled({ reason: 'out_of_stock' }))).toEqual({
      kind: 'order-cancelled',
      orderId,
      userId,
      reason: 'out_of_stock',
    });
  });

  it('payment.processed → succeeded or failed by status; a failure without a reason has none', () => {
    const { amount } = paymentProcessedV1Fixture;
    expect(notifiableFactOf(paymentProcessed({ status: 'SUCCEEDED', reason: undefined }))).toEqual({
      kind: 'payment-succeeded',
      orderId,
      amount,
    });
    expect(notifiableFactOf(paymentProcessed())).toEqual({
      kind: 'payment-failed',
      orderId,
      amount,
      reason: 'card_declined',
    });
    expect(notifiableFactOf(paymentProcessed({ reason: undefined }))).toMatchObject({
      kind: 'payment-failed',
      reason: null,
    });
  });

  it('payment.refunded → the amount paid back', () => {
    expect(notifiableFactOf(paymentRefunded({ amount: '12.50' }))).toEqual({
      kind: 'payment-refunded',
      orderId,
      amount: '12.50',
    });
  });

  it('operations events → low stock, sensor alert and anomaly with what their mail says', () => {
    expect(notifiableFactOf(inventoryLowStock())).toEqual({
      kind: 'stock-ran-low',
      ...inventoryLowStockV1Fixture,
    });
    const alert = sensorAlertRaisedV1Fixture;
    expect(notifiableFactOf(sensorAlertRaised())).toEqual({
      kind: 'sensor-alert-raised',
      sensorId: alert.sensorId,
      windowStart: alert.windowStart,
      windowEnd: alert.windowEnd,
      count: alert.count,
      average: alert.average,
      threshold: alert.threshold,
    });
    const anomaly = sensorAnomalyDetectedV1Fixture;
    expect(notifiableFactOf(sensorAnomalyDetected())).toEqual({
      kind: 'sensor-anomaly-detected',
      sensorId: anomaly.sensorId,
      fault: anomaly.fault,
      readingAt: anomaly.readingAt,
      temperature: anomaly.temperature,
      expected: anomaly.expected,
      score: anomaly.score,
    });
  });
});

describe('reportedFacts', () => {
  it('keeps the batch order and each event id', () => {
    const events = [orderCreated(), orderConfirmed(), orderCancelled()];
    expect(reportedFacts(events)).toEqual(
      events.map((event) => ({ eventId: event.eventId, fact: notifiableFactOf(event) })),
    );
    expect(reportedFacts(events).map(({ fact }) => fact.kind)).toEqual([
      'order-placed',
      'order-confirmed',
      'order-cancelled',
    ]);
  });
});
