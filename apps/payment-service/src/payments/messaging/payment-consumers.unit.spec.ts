import { KafkaEventContext } from '@kafka-commerce/messaging';
import { randomUUID } from 'node:crypto';
import {
  inventoryRejected,
  inventoryReleased,
  inventoryReserved,
  orderCancelled,
  orderConfirmed,
  orderCreated,
} from '../../testing/events';
import { paymentTestBed } from '../../testing/payment-test-bed';
import { OrderEventsConsumer } from './order-events.consumer';
import { ReservationEventsConsumer } from './reservation-events.consumer';

const fromOrders = new KafkaEventContext(['orders', 0, 'payment-service.orders']);
const fromReservations = new KafkaEventContext(['reservations', 0, 'payment-service.reservations']);

function consumers() {
  const bed = paymentTestBed();
  const orders = new OrderEventsConsumer(bed.openPayment, bed.cancelPayment, bed.settlement);
  const reservations = new ReservationEventsConsumer(bed.chargePayment, bed.settlement);
  return { bed, orders, reservations };
}

const { orderId, userId } = orderCreated().payload;

describe('payment consumers', () => {
  it('run the saga: intent, charge on reservation, refund on cancellation', async () => {
    const { bed, orders, reservations } = consumers();

    await orders.onOrderEvents([orderCreated()], fromOrders);
    expect(bed.payments.payments.get(orderId)).toMatchObject({
      status: 'AWAITING_RESERVATION',
      terms: { userId, method: 'card' },
    });

    await reservations.onReservationEvents([inventoryReserved()], fromReservations);
    await orders.onOrderEvents([orderConfirmed()], fromOrders);
    expect(bed.payments.payments.get(orderId)?.status).toBe('SUCCEEDED');

    await orders.onOrderEvents([orderCancelled()], fromOrders);
    await reservations.onReservationEvents([inventoryReleased()], fromReservations);
    expect(bed.payments.outbox.map((event) => event.envelope.payload)).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', amount: '44.98', paymentMethod: 'card' }),
      expect.objectContaining({ amount: '44.98', orderId }),
    ]);
  });

  it('ignore a rejection: the order is cancelled by order-service', async () => {
    const { bed, orders, reservations } = consumers();
    await orders.onOrderEvents([orderCreated()], fromOrders);

    await reservations.onReservationEvents([inventoryRejected()], fromReservations);

    expect(bed.payments.payments.get(orderId)?.status).toBe('AWAITING_RESERVATION');
    expect(bed.gateway.chargeCalls).toBe(0);
  });

  it('settle a batch of orders with one gateway call each, and an order twice in order', async () => {
    const { bed, orders, reservations } = consumers();
    const second = { orderId: randomUUID() };
    await orders.onOrderEvents([orderCreated(), orderCreated(second)], fromOrders);

    await reservations.onReservationEvents(
      [inventoryReserved(), inventoryReserved({ orderId: second.orderId })],
      fromReservations,
    );
    await orders.onOrderEvents(
      [orderCancelled({ orderId: second.orderId }), orderCancelled({ orderId: second.orderId })],
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
