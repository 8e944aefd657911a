import { TOPICS } from '@kafka-commerce/events';
import { KafkaEventContext } from '@kafka-commerce/messaging';
import { inventoryRejected } from '../../testing/events';
import { InMemoryOrderRepository } from '../../testing/in-memory-order-repository';
import { aPendingOrder } from '../../testing/order-builders';
import { RecordingSettlementObserver } from '../../testing/recording-settlement-observer';
import { SettleOrderHandler } from '../application/settle-order/settle-order.handler';
import { ReservationEventsConsumer } from './reservation-events.consumer';

describe('ReservationEventsConsumer', () => {
  it('cancels the order with the rejection’s reason, caused by the rejection', async () => {
    const orders = new InMemoryOrderRepository();
    const order = aPendingOrder();
    orders.orders.set(order.id, order);
    const consumer = new ReservationEventsConsumer(
      new SettleOrderHandler(orders, new RecordingSettlementObserver()),
    );
    const rejected = inventoryRejected({ orderId: order.id, reason: 'unknown_product' });

    await consumer.onRejected(
      rejected,
      new KafkaEventContext([TOPICS.reservations.name, 0, 'order-service.reservations']),
    );

    expect(orders.orders.get(order.id)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'unknown_product',
    });
    expect(orders.outbox.map(({ envelope }) => envelope)).toMatchObject([
      { type: 'order.cancelled', causationId: rejected.eventId },
    ]);
  });
});
