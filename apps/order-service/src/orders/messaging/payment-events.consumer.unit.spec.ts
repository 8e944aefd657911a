import { TOPICS } from '@kafka-commerce/events';
import { KafkaEventContext } from '@kafka-commerce/messaging';
import { paymentProcessed } from '../../testing/events';
import { InMemoryOrderRepository } from '../../testing/in-memory-order-repository';
import { aPendingOrder } from '../../testing/order-builders';
import { RecordingSettlementObserver } from '../../testing/recording-settlement-observer';
import { SettleOrderHandler } from '../application/settle-order/settle-order.handler';
import { PaymentEventsConsumer } from './payment-events.consumer';

function setUp() {
  const orders = new InMemoryOrderRepository();
  const consumer = new PaymentEventsConsumer(
    new SettleOrderHandler(orders, new RecordingSettlementObserver()),
  );
  const delivery = new KafkaEventContext([TOPICS.payments.name, 0, 'order-service.payments']);
  const placed = () => {
    const order = aPendingOrder();
    orders.orders.set(order.id, order);
    return order;
  };
  return { orders, consumer, delivery, placed };
}

describe('PaymentEventsConsumer', () => {
  it('confirms on a charge and cancels with the failure’s reason, or payment_failed without one', async () => {
    const { orders, consumer, delivery, placed } = setUp();
    const [charged, declined, failed] = [placed(), placed(), placed()];

    await consumer.onPaymentsProcessed(
      [
        paymentProcessed({ orderId: charged.id, status: 'SUCCEEDED', reason: undefined }),
        paymentProcessed({ orderId: declined.id, status: 'FAILED', reason: 'card_declined' }),
        paymentProcessed({ orderId: failed.id, status: 'FAILED', reason: undefined }),
      ],
      delivery,
    );

    expect(orders.orders.get(charged.id)?.status).toBe('CONFIRMED');
    expect(orders.orders.get(declined.id)?.cancellationReason).toBe('card_declined');
    expect(orders.orders.get(failed.id)?.cancellationReason).toBe('payment_failed');
  });

  it('applies a redelivered payment once', async () => {
    const { orders, consumer, delivery, placed } = setUp();
    const event = paymentProcessed({ orderId: placed().id, status: 'SUCCEEDED' });

    await consumer.onPaymentsProcessed([event], delivery);
    await consumer.onPaymentsProcessed([event], delivery);

    expect(orders.outbox.map(({ envelope }) => envelope.type)).toEqual(['order.confirmed']);
  });
});
