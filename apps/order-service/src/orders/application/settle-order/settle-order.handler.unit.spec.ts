import { randomUUID } from 'node:crypto';
import { orderCancelledV1, orderConfirmedV1 } from '@kafka-commerce/events';
import { cancelByCustomer } from '../../domain/order-transitions';
import { InMemoryOrderRepository } from '../../../testing/in-memory-order-repository';
import { aPendingOrder, MUG_ID, TEA_ID } from '../../../testing/order-builders';
import { RecordingSettlementObserver } from '../../../testing/recording-settlement-observer';
import { type SagaOutcome, SettleOrderHandler } from './settle-order.handler';

const CONSUMER = 'order-service.payments';

function setUp(order = aPendingOrder()) {
  const orders = new InMemoryOrderRepository();
  orders.orders.set(order.id, order);
  const observer = new RecordingSettlementObserver();
  const handler = new SettleOrderHandler(orders, observer);
  const settle = (outcome: SagaOutcome, eventId = randomUUID()) =>
    handler.execute({ consumer: CONSUMER, eventId, orderId: order.id, outcome });
  return { orders, order, settle, observer };
}

describe('SettleOrderHandler', () => {
  it('confirms a PENDING order on payment success and publishes order.confirmed', async () => {
    const { orders, order, settle } = setUp();
    const eventId = randomUUID();

    const result = await settle({ kind: 'confirm' }, eventId);

    expect(result.kind).toBe('changed');
    const stored = orders.orders.get(order.id);
    expect(stored?.status).toBe('CONFIRMED');
    const [event] = orders.outbox;
    expect(event?.envelope).toMatchObject({
      type: 'order.confirmed',
      producer: 'order-service',
      correlationId: order.id,
      causationId: eventId,
    });
    expect(orderConfirmedV1.schema.parse(event?.envelope.payload)).toEqual({
      orderId: order.id,
      userId: order.userId,
      items: [
        { productId: MUG_ID, quantity: 2, unitPrice: '19.99' },
        { productId: TEA_ID, quantity: 1, unitPrice: '5.00' },
      ],
      totalAmount: '44.98',
      confirmedAt: stored?.updatedAt.toISOString(),
    });
  });

  it.each(['out_of_stock', 'unknown_product', 'card_declined', 'amount_limit_exceeded'])(
    'cancels a PENDING order with reason %s and publishes order.cancelled',
    async (reason) => {
      const { orders, order, settle } = setUp();
      const eventId = randomUUID();

      await settle({ kind: 'cancel', reason }, eventId);

      const stored = orders.orders.get(order.id);
      expect(stored?.status).toBe('CANCELLED');
      expect(stored?.cancellationReason).toBe(reason);
      expect(stored?.history.at(-1)).toMatchObject({ status: 'CANCELLED', reason });
      const [event] = orders.outbox;
      expect(event?.envelope.causationId).toBe(eventId);
      expect(orderCancelledV1.schema.parse(event?.envelope.payload)).toMatchObject({
        orderId: order.id,
        reason,
        items: [
          { productId: MUG_ID, quantity: 2 },
          { productId: TEA_ID, quantity: 1 },
        ],
      });
    },
  );

  it('tells the observer how long the order took to settle, once', async () => {
    const { orders, order, settle, observer } = setUp();
    const eventId = randomUUID();

    await settle({ kind: 'cancel', reason: 'card_declined' }, eventId);
    await settle({ kind: 'cancel', reason: 'card_declined' }, eventId);
    await settle({ kind: 'confirm' });

    const settledAt = orders.orders.get(order.id)?.updatedAt.getTime() ?? NaN;
    expect(observer.settlements).toEqual([
      { status: 'CANCELLED', seconds: (settledAt - order.createdAt.getTime()) / 1000 },
    ]);
  });

  it('applies a redelivered event once', async () => {
    const { orders, settle } = setUp();
    const eventId = randomUUID();

    await settle({ kind: 'confirm' }, eventId);
    const again = await settle({ kind: 'confirm' }, eventId);

    expect(again.kind).toBe('duplicate');
    expect(orders.outbox).toHaveLength(1);
  });

  it('leaves an order the customer cancelled while payment was in flight cancelled', async () => {
    const { orders, order, settle } = setUp(cancelByCustomer(aPendingOrder(), new Date()));

    const result = await settle({ kind: 'confirm' });

    expect(result.kind).toBe('unchanged');
    expect(orders.orders.get(order.id)).toEqual(order);
    expect(orders.outbox).toHaveLength(0);
  });

  it('never cancels a CONFIRMED order on a late failure', async () => {
    const { orders, order, settle } = setUp();
    await settle({ kind: 'confirm' });

    const result = await settle({ kind: 'cancel', reason: 'card_declined' });

    expect(result.kind).toBe('unchanged');
    expect(orders.orders.get(order.id)?.status).toBe('CONFIRMED');
    expect(orders.outbox).toHaveLength(1);
  });

  it('keeps the first cancellation reason when a second cancel arrives', async () => {
    const { orders, order, settle } = setUp();
    await settle({ kind: 'cancel', reason: 'out_of_stock' });
    await settle({ kind: 'cancel', reason: 'card_declined' });
    expect(orders.orders.get(order.id)?.cancellationReason).toBe('out_of_stock');
    expect(orders.outbox).toHaveLength(1);
  });

  it('ignores an event for an unknown order instead of failing forever', async () => {
    const orders = new InMemoryOrderRepository();
    const result = await new SettleOrderHandler(orders, new RecordingSettlementObserver()).execute({
      consumer: CONSUMER,
      eventId: randomUUID(),
      orderId: randomUUID(),
      outcome: { kind: 'confirm' },
    });
    expect(result.kind).toBe('not_found');
    expect(orders.outbox).toHaveLength(0);
  });
});
