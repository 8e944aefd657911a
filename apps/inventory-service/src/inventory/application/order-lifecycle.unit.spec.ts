import { Logger } from '@nestjs/common';
import { type Product, restock } from '../domain/product';
import { type ReservationLine } from '../domain/reservation';
import { InMemoryStockLedger } from '../../testing/in-memory-stock-ledger';
import { confirmCommand, releaseCommand, reserveCommand } from '../../testing/order-commands';
import { aProduct, unitsAccountedFor } from '../../testing/product-builder';
import { ApplyOrderCommandsHandler } from './apply-order-commands/apply-order-commands.handler';
import { ConfirmReservationHandler } from './confirm-reservation/confirm-reservation.handler';
import { ReleaseReservationHandler } from './release-reservation/release-reservation.handler';
import { ReserveStockHandler } from './reserve-stock/reserve-stock.handler';

const consumer = 'inventory-service.orders';

beforeAll(() => {
  Logger.overrideLogger(false);
});

function setUp(...products: Product[]) {
  const ledger = new InMemoryStockLedger(products);
  const reserve = new ReserveStockHandler(ledger);
  const confirm = new ConfirmReservationHandler(ledger);
  const release = new ReleaseReservationHandler(ledger);
  return {
    ledger,
    reserve,
    confirm,
    release,
    batch: new ApplyOrderCommandsHandler(ledger, reserve, confirm, release),
  };
}

function counters(product: Product) {
  return {
    stock: product.stock,
    reserved: product.reserved,
    sold: product.sold,
    available: product.stock - product.reserved,
  };
}

describe('an order’s reservation through the saga', () => {
  const mug = aProduct({ stock: 10 });
  const lines: ReservationLine[] = [{ productId: mug.id, quantity: 3 }];

  it('confirmed: the units are sold, nothing is emitted', async () => {
    const { ledger, reserve, confirm } = setUp(mug);
    const created = reserveCommand(lines);
    await reserve.execute(consumer, created);
    await confirm.execute(consumer, confirmCommand(created.orderId));

    expect(counters(ledger.product(mug.id))).toEqual({
      stock: 7,
      reserved: 0,
      sold: 3,
      available: 7,
    });
    expect(ledger.reservations.get(created.orderId)?.status).toBe('CONFIRMED');
    expect(ledger.outbox.map((event) => event.envelope.type)).toEqual(['inventory.reserved']);
  });

  it('cancelled while pending: the units are released, once', async () => {
    const { ledger, reserve, release } = setUp(mug);
    const created = reserveCommand(lines);
    const cancelled = releaseCommand(created.orderId);
    await reserve.execute(consumer, created);
    await release.execute(consumer, cancelled);
    await release.execute(consumer, cancelled);
    await release.execute(consumer, releaseCommand(created.orderId));

    expect(counters(ledger.product(mug.id))).toEqual({
      stock: 10,
      reserved: 0,
      sold: 0,
      available: 10,
    });
    const released = ledger.eventsOfType('inventory.released');
    expect(released).toHaveLength(1);
    expect(released[0]?.envelope).toMatchObject({
      correlationId: created.orderId,
      causationId: cancelled.eventId,
      payload: { orderId: created.orderId, items: lines },
    });
  });

  it('cancelled after confirmation: the sold units return to stock', async () => {
    const { ledger, reserve, confirm, release } = setUp(mug);
    const created = reserveCommand(lines);
    const { orderId } = created;
    await reserve.execute(consumer, created);
    await confirm.execute(consumer, confirmCommand(orderId));
    await release.execute(consumer, releaseCommand(orderId));

    expect(counters(ledger.product(mug.id))).toEqual({
      stock: 10,
      reserved: 0,
      sold: 0,
      available: 10,
    });
    expect(ledger.reservations.get(orderId)?.status).toBe('RELEASED');
    expect(ledger.eventsOfType('inventory.released')).toHaveLength(1);
  });

  it('rejected then cancelled: nothing to release, nothing emitted', async () => {
    const { ledger, reserve, release } = setUp(mug);
    const tooMany = [{ productId: mug.id, quantity: 11 }];
    const created = reserveCommand(tooMany);
    await reserve.execute(consumer, created);
    await release.execute(consumer, releaseCommand(created.orderId));

    expect(counters(ledger.product(mug.id))).toEqual({
      stock: 10,
      reserved: 0,
      sold: 0,
      available: 10,
    });
    expect(ledger.outbox.map((event) => event.envelope.type)).toEqual(['inventory.rejected']);
  });

  describe('the first decision per order stands, whatever copy of an event comes later', () => {
    it('a rejected order is never reserved by a fresh-id copy of its order.created, even after a restock', async () => {
      const { ledger, reserve, release } = setUp(aProduct({ stock: 1 }));
      const [product] = [...ledger.products.values()];
      if (!product) throw new Error('no product');
      const tooMany = [{ productId: product.id, quantity: 2 }];
      const created = reserveCommand(tooMany);
      const { orderId } = created;
      await reserve.execute(consumer, created);
      await release.execute(consumer, releaseCommand(orderId));
      ledger.products.set(product.id, restock(ledger.product(product.id), 10));

      await reserve.execute(consumer, reserveCommand(tooMany, orderId));

      expect(counters(ledger.product(product.id))).toEqual({
        stock: 11,
        reserved: 0,
        sold: 0,
        available: 11,
      });
      expect(ledger.reservations.get(orderId)?.status).toBe('REJECTED');
      expect(ledger.outbox.map((event) => event.envelope.type)).toEqual(['inventory.rejected']);
    });

    it('a released order is never reserved again by a fresh-id copy of its order.created', async () => {
      const { ledger, reserve, release } = setUp(mug);
      const created = reserveCommand(lines);
      const { orderId } = created;
      await reserve.execute(consumer, created);
      await release.execute(consumer, releaseCommand(orderId));

      await reserve.execute(consumer, reserveCommand(lines, orderId));

      expect(counters(ledger.product(mug.id))).toMatchObject({ reserved: 0, available: 10 });
      expect(ledger.reservations.get(orderId)?.status).toBe('RELEASED');
      expect(ledger.outbox.map((event) => event.envelope.type)).toEqual([
        'inventory.reserved',
        'inventory.released',
      ]);
    });

    it('an order cancelled before its order.created was applied (e.g. dead-lettered, re-driven later) is never reserved', async () => {
      const { ledger, reserve, release } = setUp(mug);
      const created = reserveCommand(lines);
      const { orderId } = created;

      await release.execute(consumer, releaseCommand(orderId));
      await reserve.execute(consumer, created);

      expect(counters(ledger.product(mug.id))).toMatchObject({ reserved: 0, available: 10 });
      expect(ledger.reservations.get(orderId)).toMatchObject({ status: 'RELEASED', lines: [] });
      expect(ledger.outbox).toEqual([]);
    });

    it('a fresh-id copy of order.confirmed or order.cancelled changes nothing more', async () => {
      const { ledger, reserve, confirm, release } = setUp(mug);
      const created = reserveCommand(lines);
      const { orderId } = created;
      await reserve.execute(consumer, created);
      await confirm.execute(consumer, confirmCommand(orderId));
      await confirm.execute(consumer, confirmCommand(orderId));
      expect(counters(ledger.product(mug.id))).toMatchObject({ stock: 7, reserved: 0, sold: 3 });

      await release.execute(consumer, releaseCommand(orderId));
      await release.execute(consumer, releaseCommand(orderId));
      await confirm.execute(consumer, confirmCommand(orderId));

      expect(counters(ledger.product(mug.id))).toEqual({
        stock: 10,
        reserved: 0,
        sold: 0,
        available: 10,
      });
      expect(ledger.eventsOfType('inventory.released')).toHaveLength(1);
    });
  });

  it('a redelivered confirmation sells the units once', async () => {
    const { ledger, reserve, confirm } = setUp(mug);
    const created = reserveCommand(lines);
    const confirmed = confirmCommand(created.orderId);
    await reserve.execute(consumer, created);
    await confirm.execute(consumer, confirmed);
    await confirm.execute(consumer, confirmed);

    expect(ledger.product(mug.id).sold).toBe(3);
  });

  it('keeps every unit accounted for over a mix of outcomes', async () => {
    const cap = aProduct({ stock: 20, lowStockThreshold: 4 });
    const { ledger, reserve, confirm, release } = setUp(cap);
    for (let order = 0; order < 40; order += 1) {
      const orderLines = [{ productId: cap.id, quantity: 1 + (order % 4) }];
      const created = reserveCommand(orderLines);
      const { orderId } = created;
      await reserve.execute(consumer, created);
      if (order % 3 === 0) await confirm.execute(consumer, confirmCommand(orderId));
      if (order % 3 === 1) await release.execute(consumer, releaseCommand(orderId));
      if (order % 5 === 0) await release.execute(consumer, releaseCommand(orderId));
      expect(unitsAccountedFor(ledger.product(cap.id))).toBe(true);
    }
  });

  describe('a fetched batch, applied at once', () => {
    it('decides each event on the state the events before it left', async () => {
      const { ledger, batch } = setUp(mug);
      const first = reserveCommand([{ productId: mug.id, quantity: 6 }]);
      const second = reserveCommand([{ productId: mug.id, quantity: 6 }]);
      const third = reserveCommand([{ productId: mug.id, quantity: 4 }]);

      await batch.execute(consumer, [first, second, releaseCommand(first.orderId), third]);

      // The second order finds 4 units left and is rejected; the cancellation of the first
      // frees its 6, of which the third takes 4.
      expect(counters(ledger.product(mug.id))).toEqual({
        stock: 10,
        reserved: 4,
        sold: 0,
        available: 6,
      });
      expect(ledger.reservations.get(first.orderId)?.status).toBe('RELEASED');
      expect(ledger.reservations.get(second.orderId)?.status).toBe('REJECTED');
      expect(ledger.reservations.get(third.orderId)?.status).toBe('RESERVED');
      expect(ledger.outbox.map((event) => event.envelope.type)).toEqual([
        'inventory.reserved',
        'inventory.rejected',
        'inventory.released',
        'inventory.reserved',
      ]);
    });

    it('applies an event the batch holds twice, or that was handled before, once', async () => {
      const { ledger, reserve, batch } = setUp(mug);
      const created = reserveCommand(lines);
      const confirmed = confirmCommand(created.orderId);
      await reserve.execute(consumer, created);

      await batch.execute(consumer, [created, confirmed, confirmed]);

      expect(counters(ledger.product(mug.id))).toMatchObject({ stock: 7, reserved: 0, sold: 3 });
      expect(ledger.eventsOfType('inventory.reserved')).toHaveLength(1);
    });

    it('stores nothing of a batch in which one event fails, not even the claims', async () => {
      const { ledger, batch } = setUp(mug);
      const created = reserveCommand(lines);
      const valid = reserveCommand(lines);
      // Past the schema (as if it had changed): the domain refuses to reserve -1 units.
      const failing = { ...valid, lines: [{ productId: mug.id, quantity: -1 }] };

      await expect(batch.execute(consumer, [created, failing])).rejects.toThrow();
      expect(ledger.reservations.size).toBe(0);

      await batch.execute(consumer, [created]);
      expect(ledger.product(mug.id).reserved).toBe(3);
    });
  });
});
