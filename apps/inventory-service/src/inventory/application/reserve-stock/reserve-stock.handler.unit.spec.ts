import { Logger } from '@nestjs/common';
import { availableOf } from '../../domain/product';
import { InMemoryStockLedger } from '../../../testing/in-memory-stock-ledger';
import { reserveCommand } from '../../../testing/order-commands';
import { aProduct } from '../../../testing/product-builder';
import { ReserveStockHandler } from './reserve-stock.handler';

const consumer = 'inventory-service.orders';

beforeAll(() => {
  Logger.overrideLogger(false);
});

function setUp(...products: ReturnType<typeof aProduct>[]) {
  const ledger = new InMemoryStockLedger(products);
  return { ledger, handler: new ReserveStockHandler(ledger) };
}

describe('ReserveStockHandler', () => {
  it('holds the stock and emits inventory.reserved, caused by the order event', async () => {
    const mug = aProduct({ stock: 10 });
    const { ledger, handler } = setUp(mug);
    const command = reserveCommand([
      { productId: mug.id, quantity: 2 },
      { productId: mug.id, quantity: 1 },
    ]);

    await handler.execute(consumer, command);

    expect(availableOf(ledger.product(mug.id))).toBe(7);
    expect(ledger.reservations.get(command.orderId)).toMatchObject({ status: 'RESERVED' });
    expect(ledger.outbox).toHaveLength(1);
    const [reserved] = ledger.outbox;
    expect(reserved).toMatchObject({
      topic: 'reservations',
      key: command.orderId,
      envelope: {
        type: 'inventory.reserved',
        producer: 'inventory-service',
        correlationId: command.orderId,
        causationId: command.eventId,
        payload: { orderId: command.orderId, items: [{ productId: mug.id, quantity: 3 }] },
      },
    });
  });

  it('emits inventory.rejected and holds nothing when any item is short', async () => {
    const mug = aProduct({ stock: 10 });
    const cap = aProduct({ stock: 1 });
    const { ledger, handler } = setUp(mug, cap);
    const command = reserveCommand([
      { productId: mug.id, quantity: 2 },
      { productId: cap.id, quantity: 2 },
    ]);

    await handler.execute(consumer, command);

    expect(ledger.product(mug.id).reserved).toBe(0);
    expect(ledger.product(cap.id).reserved).toBe(0);
    // The rejection is the order's decision, kept so that it stands; it holds nothing.
    expect(ledger.reservations.get(command.orderId)).toMatchObject({
      status: 'REJECTED',
      lines: [],
    });
    expect(ledger.outbox.map((e) => e.envelope)).toEqual([
      expect.objectContaining({
        type: 'inventory.rejected',
        causationId: command.eventId,
        payload: expect.objectContaining({ reason: 'out_of_stock', productIds: [cap.id] }),
      }),
    ]);
  });

  it('rejects an unknown product', async () => {
    const { ledger, handler } = setUp();
    const command = reserveCommand([
      { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 1 },
    ]);

    await handler.execute(consumer, command);

    expect(ledger.eventsOfType('inventory.rejected')[0]?.envelope.payload).toMatchObject({
      reason: 'unknown_product',
      productIds: ['7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c'],
    });
  });

  it('does nothing when the same event is delivered again', async () => {
    const mug = aProduct({ stock: 10 });
    const { ledger, handler } = setUp(mug);
    const command = reserveCommand([{ productId: mug.id, quantity: 4 }]);

    await handler.execute(consumer, command);
    await handler.execute(consumer, command);

    expect(ledger.product(mug.id).reserved).toBe(4);
    expect(ledger.outbox).toHaveLength(1);
  });

  it('keeps one reservation per order, whatever event announces the order again', async () => {
    const mug = aProduct({ stock: 10 });
    const { ledger, handler } = setUp(mug);
    const first = reserveCommand([{ productId: mug.id, quantity: 4 }]);
    const again = reserveCommand([{ productId: mug.id, quantity: 4 }], first.orderId);

    await handler.execute(consumer, first);
    await handler.execute(consumer, again);

    expect(ledger.product(mug.id).reserved).toBe(4);
    expect(ledger.outbox).toHaveLength(1);
  });

  it('never reserves a rejected order again, whatever copy of order.created comes later', async () => {
    const mug = aProduct({ stock: 1 });
    const { ledger, handler } = setUp(mug);
    const first = reserveCommand([{ productId: mug.id, quantity: 2 }]);
    await handler.execute(consumer, first);
    ledger.products.set(mug.id, { ...mug, stock: 5, restocked: 4 });

    await handler.execute(
      consumer,
      reserveCommand([{ productId: mug.id, quantity: 2 }], first.orderId),
    );

    expect(ledger.product(mug.id).reserved).toBe(0);
    expect(ledger.outbox.map((event) => event.envelope.type)).toEqual(['inventory.rejected']);
  });

  it('emits inventory.low-stock with the order when it crosses the threshold, once', async () => {
    const lamp = aProduct({ sku: 'LAMP-1', stock: 10, lowStockThreshold: 5 });
    const { ledger, handler } = setUp(lamp);
    const crossing = reserveCommand([{ productId: lamp.id, quantity: 6 }]);

    await handler.execute(consumer, crossing);
    await handler.execute(consumer, reserveCommand([{ productId: lamp.id, quantity: 1 }]));

    const alerts = ledger.eventsOfType('inventory.low-stock');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      topic: 'products',
      key: lamp.id,
      envelope: {
        correlationId: crossing.orderId,
        causationId: crossing.eventId,
        payload: { productId: lamp.id, sku: 'LAMP-1', available: 4, threshold: 5 },
      },
    });
  });

  it('never oversells: 150 orders for 100 units hold at most 100', async () => {
    const mug = aProduct({ stock: 100 });
    const { ledger, handler } = setUp(mug);

    await Promise.all(
      Array.from({ length: 150 }, () =>
        handler.execute(consumer, reserveCommand([{ productId: mug.id, quantity: 1 }])),
      ),
    );

    expect(ledger.product(mug.id).reserved).toBe(100);
    expect(availableOf(ledger.product(mug.id))).toBe(0);
    expect(ledger.eventsOfType('inventory.reserved')).toHaveLength(100);
    expect(ledger.eventsOfType('inventory.rejected')).toHaveLength(50);
  });
});
