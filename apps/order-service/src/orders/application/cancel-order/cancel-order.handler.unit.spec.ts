import { orderCancelledV1 } from '@kafka-commerce/events';
import { OrderAlreadyCancelledError, OrderNotFoundError } from '../../domain/order.errors';
import { transition } from '../../domain/order-transitions';
import { InMemoryOrderRepository } from '../../../testing/in-memory-order-repository';
import { aPendingOrder, MUG_ID, TEA_ID } from '../../../testing/order-builders';
import { RecordingSettlementObserver } from '../../../testing/recording-settlement-observer';
import { CancelOrderHandler } from './cancel-order.handler';

function setUp(order = aPendingOrder()) {
  const orders = new InMemoryOrderRepository();
  orders.orders.set(order.id, order);
  const observer = new RecordingSettlementObserver();
  return { orders, order, observer, handler: new CancelOrderHandler(orders, observer) };
}

describe('CancelOrderHandler', () => {
  it('cancels the owner’s PENDING order and publishes order.cancelled', async () => {
    const { orders, order, handler } = setUp();

    const cancelled = await handler.execute({
      orderId: order.id,
      viewer: { userId: order.userId, isAdmin: false },
    });

    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellationReason).toBe('cancelled_by_customer');
    expect(orders.orders.get(order.id)).toEqual(cancelled);
    const [event] = orders.outbox;
    expect(event?.envelope).toMatchObject({
      type: 'order.cancelled',
      correlationId: order.id,
      causationId: null,
    });
    expect(orderCancelledV1.schema.parse(event?.envelope.payload)).toEqual({
      orderId: order.id,
      userId: order.userId,
      reason: 'cancelled_by_customer',
      items: [
        { productId: MUG_ID, quantity: 2 },
        { productId: TEA_ID, quantity: 1 },
      ],
      cancelledAt: cancelled.updatedAt.toISOString(),
    });
  });

  it('cancels a CONFIRMED order (compensation refunds it)', async () => {
    const { handler, order } = setUp(transition(aPendingOrder(), 'CONFIRMED', null, new Date()));
    const cancelled = await handler.execute({
      orderId: order.id,
      viewer: { userId: order.userId, isAdmin: false },
    });
    expect(cancelled.history.map((entry) => entry.status)).toEqual([
      'PENDING',
      'CONFIRMED',
      'CANCELLED',
    ]);
  });

  it('counts cancelling a PENDING order as its settlement, a CONFIRMED one not', async () => {
    const pending = setUp();
    const confirmed = setUp(transition(aPendingOrder(), 'CONFIRMED', null, new Date()));
    for (const { handler, order } of [pending, confirmed]) {
      await handler.execute({
        orderId: order.id,
        viewer: { userId: order.userId, isAdmin: false },
      });
    }
    expect(pending.observer.settlements).toEqual([
      { status: 'CANCELLED', seconds: expect.any(Number) },
    ]);
    expect(confirmed.observer.settlements).toEqual([]);
  });

  it('lets an admin cancel anyone’s order', async () => {
    const { handler, order } = setUp();
    const cancelled = await handler.execute({
      orderId: order.id,
      viewer: { userId: 'an-admin', isAdmin: true },
    });
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('reports someone else’s order as not found and changes nothing', async () => {
    const { orders, order, handler } = setUp();
    await expect(
      handler.execute({ orderId: order.id, viewer: { userId: 'someone-else', isAdmin: false } }),
    ).rejects.toThrow(OrderNotFoundError);
    expect(orders.orders.get(order.id)?.status).toBe('PENDING');
    expect(orders.outbox).toHaveLength(0);
  });

  it('reports a missing order as not found', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute({
        orderId: '00000000-0000-4000-8000-000000000000',
        viewer: { userId: 'x', isAdmin: true },
      }),
    ).rejects.toThrow(OrderNotFoundError);
  });

  it('refuses to cancel twice and publishes nothing more', async () => {
    const { orders, order, handler } = setUp();
    const viewer = { userId: order.userId, isAdmin: false };
    await handler.execute({ orderId: order.id, viewer });
    await expect(handler.execute({ orderId: order.id, viewer })).rejects.toThrow(
      OrderAlreadyCancelledError,
    );
    expect(orders.outbox).toHaveLength(1);
  });
});
