import { randomUUID } from 'node:crypto';
import { orderCreatedV1 } from '@kafka-commerce/events';
import { UnknownProductsError } from '../../domain/order.errors';
import { InMemoryOrderRepository } from '../../../testing/in-memory-order-repository';
import { InMemoryPriceCatalog } from '../../../testing/in-memory-price-catalog';
import { MUG_ID, SHIPPING_ADDRESS, TEA_ID } from '../../../testing/order-builders';
import { type PlaceOrder, PlaceOrderHandler } from './place-order.handler';

const UNKNOWN_ID = '0e4b8d5a-2c1f-4a3e-9b7d-6f5e4d3c2b1a';

function setUp() {
  const orders = new InMemoryOrderRepository();
  const handler = new PlaceOrderHandler(
    orders,
    new InMemoryPriceCatalog({ [MUG_ID]: '19.99', [TEA_ID]: '5' }),
  );
  return { orders, handler };
}

function command(overrides: Partial<PlaceOrder> = {}): PlaceOrder {
  return {
    userId: randomUUID(),
    items: [
      { productId: MUG_ID, quantity: 3 },
      { productId: TEA_ID, quantity: 1 },
    ],
    shippingAddress: SHIPPING_ADDRESS,
    paymentMethod: 'card',
    idempotencyKey: null,
    ...overrides,
  };
}

describe('PlaceOrderHandler', () => {
  it('stores a PENDING order priced from the catalog, with order.created in the outbox', async () => {
    const { orders, handler } = setUp();
    const cmd = command();

    const { order, replayed } = await handler.execute(cmd);

    expect(replayed).toBe(false);
    expect(order.status).toBe('PENDING');
    expect(order.totalAmount.toFixed(2)).toBe('64.97');
    expect(orders.orders.get(order.id)).toEqual(order);
    expect(orders.outbox).toHaveLength(1);
    const [created] = orders.outbox;
    expect(created?.topic).toBe('orders');
    expect(created?.key).toBe(order.id);
    expect(created?.envelope).toMatchObject({
      type: 'order.created',
      producer: 'order-service',
      correlationId: order.id,
      causationId: null,
    });
    expect(orderCreatedV1.schema.parse(created?.envelope.payload)).toEqual({
      orderId: order.id,
      userId: cmd.userId,
      items: [
        { productId: MUG_ID, quantity: 3, unitPrice: '19.99' },
        { productId: TEA_ID, quantity: 1, unitPrice: '5.00' },
      ],
      totalAmount: '64.97',
      shippingAddress: SHIPPING_ADDRESS,
      paymentMethod: 'card',
      createdAt: order.createdAt.toISOString(),
    });
  });

  it('refuses unknown products, naming them, and stores nothing', async () => {
    const { orders, handler } = setUp();
    const attempt = handler.execute(
      command({
        items: [
          { productId: MUG_ID, quantity: 1 },
          { productId: UNKNOWN_ID, quantity: 1 },
        ],
      }),
    );
    await expect(attempt).rejects.toThrow(UnknownProductsError);
    await expect(attempt).rejects.toMatchObject({ productIds: [UNKNOWN_ID] });
    expect(orders.orders.size).toBe(0);
    expect(orders.outbox).toHaveLength(0);
  });

  describe('with an Idempotency-Key', () => {
    it('returns the same order for the same key and user, never a second one', async () => {
      const { orders, handler } = setUp();
      const cmd = command({ idempotencyKey: 'checkout-42' });

      const first = await handler.execute(cmd);
      const second = await handler.execute(cmd);

      expect(second).toEqual({ order: first.order, replayed: true });
      expect(orders.orders.size).toBe(1);
      expect(orders.outbox).toHaveLength(1);
    });

    it('returns the earlier order even if the retry differs or the catalog changed', async () => {
      const { orders, handler } = setUp();
      const userId = randomUUID();
      const first = await handler.execute(command({ userId, idempotencyKey: 'k' }));
      const retry = await handler.execute(
        command({ userId, idempotencyKey: 'k', items: [{ productId: UNKNOWN_ID, quantity: 1 }] }),
      );
      expect(retry.order.id).toBe(first.order.id);
      expect(orders.orders.size).toBe(1);
    });

    it('keeps keys per user: the same key from two users places two orders', async () => {
      const { orders, handler } = setUp();
      const a = await handler.execute(command({ idempotencyKey: 'same' }));
      const b = await handler.execute(command({ idempotencyKey: 'same' }));
      expect(a.order.id).not.toBe(b.order.id);
      expect(orders.orders.size).toBe(2);
      expect(orders.outbox).toHaveLength(2);
    });

    it('places one order when requests with the same key race', async () => {
      const { orders, handler } = setUp();
      const cmd = command({ idempotencyKey: 'double-click' });

      const results = await Promise.all([
        handler.execute(cmd),
        handler.execute(cmd),
        handler.execute(cmd),
      ]);

      expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
      expect(results.filter((result) => !result.replayed)).toHaveLength(1);
      expect(orders.orders.size).toBe(1);
      expect(orders.outbox).toHaveLength(1);
    });

    it('places separate orders without a key', async () => {
      const { orders, handler } = setUp();
      const cmd = command();
      await handler.execute(cmd);
      await handler.execute(cmd);
      expect(orders.orders.size).toBe(2);
    });
  });
});
