import { randomUUID } from 'node:crypto';
import { availableOf, type Product } from './product';
import { reserveUnits } from './stock-movements';
import { aProduct, unitsAccountedFor } from '../../testing/product-builder';
import { decisionWithoutStock, type Reservation, type ReservationStatus } from './reservation';
import {
  confirmReservation,
  releaseReservation,
  releaseUndecided,
  type Settlement,
} from './settle-reservation';

const orderId = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

/** A mug (10 units) and a cap (5 units) with 3 mugs and 2 caps held for the order. */
function held(status: ReservationStatus = 'RESERVED') {
  const mug = reserveUnits(aProduct({ sku: 'MUG', stock: 10 }), 3).product;
  const cap = reserveUnits(aProduct({ sku: 'CAP', stock: 5 }), 2).product;
  const reservation: Reservation = {
    id: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b',
    orderId,
    status,
    lines: [
      { productId: mug.id, quantity: 3 },
      { productId: cap.id, quantity: 2 },
    ],
  };
  return { reservation, products: new Map([mug, cap].map((product) => [product.id, product])) };
}

function settled(settlement: Settlement) {
  if (settlement.outcome === 'ignored') throw new Error(`ignored: ${settlement.reason}`);
  return settlement;
}

function counters(products: readonly Product[]) {
  return products.map(({ stock, reserved, sold }) => ({
    stock,
    reserved,
    sold,
    available: stock - reserved,
  }));
}

describe('confirmReservation', () => {
  it('turns the held units into sold ones', () => {
    const { reservation, products } = held();
    const result = settled(confirmReservation(reservation, products));
    expect(result.reservation.status).toBe('CONFIRMED');
    expect(counters(result.products)).toEqual([
      { stock: 7, reserved: 0, sold: 3, available: 7 },
      { stock: 3, reserved: 0, sold: 2, available: 3 },
    ]);
    expect(result.products.every(unitsAccountedFor)).toBe(true);
  });

  it.each(['CONFIRMED', 'RELEASED'] as const)('leaves a %s reservation alone', (status) => {
    const { reservation, products } = held(status);
    expect(confirmReservation(reservation, products).outcome).toBe('ignored');
  });

  it('does nothing for an order without a reservation', () => {
    expect(confirmReservation(null, new Map()).outcome).toBe('ignored');
  });
});

describe('releaseReservation', () => {
  it('gives a pending order’s held units back to available', () => {
    const { reservation, products } = held();
    const result = settled(releaseReservation(reservation, products));
    expect(result).toMatchObject({ from: 'RESERVED', reservation: { status: 'RELEASED' } });
    expect(counters(result.products)).toEqual([
      { stock: 10, reserved: 0, sold: 0, available: 10 },
      { stock: 5, reserved: 0, sold: 0, available: 5 },
    ]);
  });

  it('puts a confirmed order’s sold units back on the shelf', () => {
    const { reservation, products } = held();
    const confirmed = settled(confirmReservation(reservation, products));
    const result = settled(
      releaseReservation(
        confirmed.reservation,
        new Map(confirmed.products.map((product) => [product.id, product])),
      ),
    );
    expect(result).toMatchObject({ from: 'CONFIRMED', reservation: { status: 'RELEASED' } });
    expect(counters(result.products)).toEqual([
      { stock: 10, reserved: 0, sold: 0, available: 10 },
      { stock: 5, reserved: 0, sold: 0, available: 5 },
    ]);
    expect(result.products.every(unitsAccountedFor)).toBe(true);
  });

  it('releases only once', () => {
    const { reservation, products } = held('RELEASED');
    expect(releaseReservation(reservation, products).outcome).toBe('ignored');
  });

  it('does nothing for an order without a reservation', () => {
    expect(releaseReservation(null, new Map()).outcome).toBe('ignored');
  });

  it('does nothing for a rejected order: nothing is held', () => {
    const rejected = decisionWithoutStock(randomUUID(), orderId, 'REJECTED');
    expect(releaseReservation(rejected, new Map()).outcome).toBe('ignored');
    expect(confirmReservation(rejected, new Map()).outcome).toBe('ignored');
  });

  it('records a cancellation that came before any decision as RELEASED, holding nothing', () => {
    expect(releaseUndecided('c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b', orderId)).toEqual({
      id: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b',
      orderId,
      status: 'RELEASED',
      lines: [],
    });
  });

  it('re-arms the low-stock alert when the release lifts available above the threshold', () => {
    const lamp = reserveUnits(aProduct({ stock: 10, lowStockThreshold: 5 }), 6);
    expect(lamp.crossedLowStock).toBe(true);
    const reservation: Reservation = {
      id: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b',
      orderId,
      status: 'RESERVED',
      lines: [{ productId: lamp.product.id, quantity: 6 }],
    };
    const result = settled(
      releaseReservation(reservation, new Map([[lamp.product.id, lamp.product]])),
    );
    expect(result.products[0]).toMatchObject({ lowStockAlerted: false });
    expect(availableOf(result.products[0]!)).toBe(10);
  });
});
