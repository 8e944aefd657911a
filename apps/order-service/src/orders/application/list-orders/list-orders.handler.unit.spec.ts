import { InMemoryOrderRepository } from '../../../testing/in-memory-order-repository';
import { aPendingOrder } from '../../../testing/order-builders';
import { ListOrdersHandler } from './list-orders.handler';

describe('ListOrdersHandler', () => {
  it("pages through the caller's own orders, newest first", async () => {
    const orders = new InMemoryOrderRepository();
    const mine = [1, 2, 3].map((minute) =>
      aPendingOrder({ userId: 'me', createdAt: new Date(Date.UTC(2026, 10, 26, 10, minute)) }),
    );
    for (const order of [...mine, aPendingOrder({ userId: 'someone-else' })]) {
      orders.orders.set(order.id, order);
    }
    const handler = new ListOrdersHandler(orders);

    const first = await handler.execute({ userId: 'me', page: 1, pageSize: 2 });
    const second = await handler.execute({ userId: 'me', page: 2, pageSize: 2 });

    expect(first.orders.map((order) => order.id)).toEqual([mine[2]?.id, mine[1]?.id]);
    expect(second.orders.map((order) => order.id)).toEqual([mine[0]?.id]);
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
  });
});
