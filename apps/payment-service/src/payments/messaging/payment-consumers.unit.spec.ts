import { KafkaEventContext } from '@kafka-commerce/messaging';
import { randomUUID } from 'node:crypto';
import {
  type EventDefinition,
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
import { paymentTestBed } from '../application/testing/payment-test-bed';
import { OrderEventsConsumer } from './order-events.consumer';
import { ReservationEventsConsumer } from './reservation-events.consumer';

const fromOrders = new KafkaEventContext(['orders', 0, 'payment-service.orders']);
const fromReservations = new KafkaEventContext(['reservations', 0, 'payment-service.reservations']);

function envelope<TDefinition extends EventDefinition>(
  definition: TDefinition,
  payload: EventOf<TDefinition>['payload'],
): EventOf<TDefinition> {
  return {
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    producer: 'test',
    correlationId: randomUUID(),
    causationId: null,
    payload,
  } as EventOf<TDefinition>;
}

function consumers() {
  const bed = paymentTestBed();
  const orders = new OrderEventsConsumer(bed.openPayment, bed.cancelPayment, bed.settlement);
  const reservations = new ReservationEventsConsumer(bed.chargePayment, bed.settlement);
  return { bed, orders, reservations };
}

const orderId = orderCreatedV1Fixture.orderId;

describe('payment consumers', () => {
  it('run the saga: intent, charge on reservation, refund on cancellation', async () => {
    const { bed, orders, reservations } = consumers();

    await orders.onOrderEvents([envelope(orderCreatedV1, orderCreatedV1Fixture)], fromOrders);
    expect(bed.payments.payments.get(orderId)).toMatchObject({
      status: 'AWAITING_RESERVATION',
      terms: { userId: orderCreatedV1Fixture.userId, method: 'card' },
    });

    await reservations.onReservationEvents(
      [envelope(inventoryReservedV1, inventoryReservedV1Fixture)],
      fromReservations,
    );
    await orders.onOrderEvents([envelope(orderConfirmedV1, orderConfirmedV1Fixture)], fromOrders);
    expect(bed.payments.payments.get(orderId)?.status).toBe('SUCCEEDED');

    await orders.onOrderEvents([envelope(orderCancelledV1, orderCancelledV1Fixture)], fromOrders);
    await reservations.onReservationEvents(
      [envelope(inventoryReleasedV1, inventoryReleasedV1Fixture)],
      fromReservations,
    );
    expect(bed.payments.outbox.map((event) => event.envelope.payload)).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', amount: '44.98', paymentMethod: 'card' }),
      expect.objectContaining({ amount: '44.98', orderId }),
    ]);
  });

  it('ignore a rejection: the order is cancelled by order-service', async () => {
    const { bed, orders, reservations } = consumers();
    await orders.onOrderEvents([envelope(orderCreatedV1, orderCreatedV1Fixture)], fromOrders);

    await reservations.onReservationEvents(
      [envelope(inventoryRejectedV1, inventoryRejectedV1Fixture)],
      fromReservations,
    );

    expect(bed.payments.payments.get(orderId)?.status).toBe('AWAITING_RESERVATION');
    expect(bed.gateway.chargeCalls).toBe(0);
  });

  it('settle a batch of orders with one gateway call each, and an order twice in order', async () => {
    const { bed, orders, reservations } = consumers();
    const second = { ...orderCreatedV1Fixture, orderId: randomUUID() };
    await orders.onOrderEvents(
      [envelope(orderCreatedV1, orderCreatedV1Fixture), envelope(orderCreatedV1, second)],
      fromOrders,
    );

    await reservations.onReservationEvents(
      [
        envelope(inventoryReservedV1, inventoryReservedV1Fixture),
        envelope(inventoryReservedV1, { ...inventoryReservedV1Fixture, orderId: second.orderId }),
      ],
      fromReservations,
    );
    await orders.onOrderEvents(
      [
        envelope(orderCancelledV1, { ...orderCancelledV1Fixture, orderId: second.orderId }),
        envelope(orderCancelledV1, { ...orderCancelledV1Fixture, orderId: second.orderId }),
      ],
      fromOrders,
    );

    expect(bed.gateway.chargeCalls).toBe(2);
    expect(bed.gateway.refunds.size).toBe(1);
    expect(bed.payments.payments.get(orderId)?.status).toBe('SUCCEEDED');
    expect(bed.payments.payments.get(second.orderId)?.status).toBe('REFUNDED');
    expect(bed.payments.outbox.map((event) => event.envelope.type)).toEqual([
      'payment.processed',
      'payment.processed',
      'payment.refunded',
    ]);
  });
});
