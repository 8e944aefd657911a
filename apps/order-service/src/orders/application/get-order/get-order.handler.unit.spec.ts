import { OrderNotFoundError } from '../../domain/order.errors';
import { InMemoryOrderRepository } from '../../../testing/in-memory-order-repository';
import { aPendingOrder } from '../../../testing/order-builders';
import { GetOrderHandler } from './get-order.handler';

describe('GetOrderHandler', () => {
  const order = aPendingOrder();
  const orders = new InMemoryOrderRepository();
  orders.orders.set(order.id, order);
  const handler = new GetOrderHandler(orders);

  it('returns the order to its owner and to admins', async () => {
    await expect(
      handler.execute({ orderId: order.id, viewer: { userId: order.userId, isAdmin: false } }),
    ).resolves.toEqual(order);
    await expect(
      handler.execute({ orderId: order.id, viewer: { userId: 'admin', isAdmin: true } }),
    ).resolves.toEqual(order);
  });

  it('answers "not found" to anyone else, exactly as for a missing order', async () => {
    await expect(
      handler.execute({ orderId: order.id, viewer: { userId: 'other', isAdmin: false } }),
    ).rejects.toThrow(OrderNotFoundError);
  });
});
