import { randomUUID } from 'node:crypto';
import { availableOf, type Product } from './product';
import { aProduct, unitsAccountedFor } from '../../testing/product-builder';
import { planReservation, type ReservationPlan } from './plan-reservation';
import { type ReservationLine } from './reservation';

const orderId = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

function plan(items: readonly ReservationLine[], products: readonly Product[]): ReservationPlan {
  return planReservation(
    { reservationId: randomUUID(), orderId, items },
    new Map(products.map((product) => [product.id, product])),
  );
}

function reserved(result: ReservationPlan) {
  if (result.outcome !== 'reserved')
    throw new Error(`expected a reservation, got ${result.outcome}`);
  return result;
}

describe('planReservation', () => {
  const mug = aProduct({ sku: 'MUG', stock: 10 });
  const cap = aProduct({ sku: 'CAP', stock: 2 });

  it('holds every line when all are in stock', () => {
    const result = reserved(
      plan(
        [
          { productId: mug.id, quantity: 3 },
          { productId: cap.id, quantity: 1 },
        ],
        [mug, cap],
      ),
    );
    expect(result.reservation).toMatchObject({
      orderId,
      status: 'RESERVED',
      lines: [
        { productId: mug.id, quantity: 3 },
        { productId: cap.id, quantity: 1 },
      ],
    });
    expect(result.products.map(availableOf)).toEqual([7, 1]);
    expect(result.products.map((product) => product.reserved)).toEqual([3, 1]);
    expect(result.products.every(unitsAccountedFor)).toBe(true);
  });

  it('holds an exact fit, leaving nothing available', () => {
    const result = reserved(plan([{ productId: cap.id, quantity: 2 }], [cap]));
    expect(result.products.map(availableOf)).toEqual([0]);
  });

  it('holds nothing when one line is short, naming only the short products', () => {
    const result = plan(
      [
        { productId: mug.id, quantity: 3 },
        { productId: cap.id, quantity: 3 },
      ],
      [mug, cap],
    );
    expect(result).toEqual({
      outcome: 'rejected',
      reason: 'out_of_stock',
      productIds: [cap.id],
      // The decision is stored (holding nothing), so that it stands.
      reservation: { id: expect.any(String), orderId, status: 'REJECTED', lines: [] },
    });
  });

  it('rejects an unknown product, naming it, even when another line is also short', () => {
    const ghost = randomUUID();
    const result = plan(
      [
        { productId: cap.id, quantity: 5 },
        { productId: ghost, quantity: 1 },
        { productId: ghost, quantity: 1 },
      ],
      [mug, cap],
    );
    expect(result).toMatchObject({
      outcome: 'rejected',
      reason: 'unknown_product',
      productIds: [ghost],
    });
  });

  it('sums lines of the same product before checking stock', () => {
    const result = plan(
      [
        { productId: cap.id, quantity: 1 },
        { productId: cap.id, quantity: 2 },
      ],
      [cap],
    );
    expect(result).toMatchObject({
      outcome: 'rejected',
      reason: 'out_of_stock',
      productIds: [cap.id],
    });
  });

  it('reserves summed lines of the same product as one line', () => {
    const result = reserved(
      plan(
        [
          { productId: mug.id, quantity: 4 },
          { productId: mug.id, quantity: 6 },
        ],
        [mug],
      ),
    );
    expect(result.reservation.lines).toEqual([{ productId: mug.id, quantity: 10 }]);
    expect(result.products).toHaveLength(1);
    expect(availableOf(result.products[0]!)).toBe(0);
  });

  it('counts units already held by other orders as unavailable', () => {
    const busy = reserved(plan([{ productId: cap.id, quantity: 1 }], [cap])).products[0]!;
    const result = plan([{ productId: cap.id, quantity: 2 }], [busy]);
    expect(result).toMatchObject({ outcome: 'rejected', reason: 'out_of_stock' });
  });

  it('lists the products this reservation takes to their low-stock threshold', () => {
    const lamp = aProduct({ sku: 'LAMP', stock: 10, lowStockThreshold: 5 });
    const result = reserved(
      plan(
        [
          { productId: mug.id, quantity: 1 },
          { productId: lamp.id, quantity: 6 },
        ],
        [mug, lamp],
      ),
    );
    expect(result.lowStock.map((product) => product.id)).toEqual([lamp.id]);
    expect(result.lowStock[0]).toMatchObject({ lowStockAlerted: true, reserved: 6 });
  });

  it('keeps stock from going negative over many orders for one product', () => {
    let product = aProduct({ stock: 100 });
    let accepted = 0;
    for (let order = 0; order < 150; order += 1) {
      const result = plan([{ productId: product.id, quantity: 1 + (order % 3) }], [product]);
      if (result.outcome === 'reserved') {
        product = result.products[0]!;
        accepted += 1;
      }
      expect(availableOf(product)).toBeGreaterThanOrEqual(0);
    }
    expect(accepted).toBeGreaterThan(0);
    expect(product.reserved).toBeLessThanOrEqual(100);
    expect(unitsAccountedFor(product)).toBe(true);
  });
});
