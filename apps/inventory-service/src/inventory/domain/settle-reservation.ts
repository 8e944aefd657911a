import { type Product } from './product';
import { InventoryInvariantError } from './product.errors';
import { commitUnits, releaseUnits, returnUnits } from './stock-movements';
import {
  decisionWithoutStock,
  type Reservation,
  type ReservationLine,
  type ReservationStatus,
} from './reservation';

export type Settlement =
  | {
      readonly outcome: 'confirmed' | 'released';
      /** The status the reservation had before. */
      readonly from: ReservationStatus;
      readonly reservation: Reservation;
      /** The new state of every product of the reservation. */
      readonly products: readonly Product[];
    }
  | { readonly outcome: 'ignored'; readonly reason: string };

/** The order is final: held units become sold. Only a RESERVED reservation changes. */
export function confirmReservation(
  reservation: Reservation | null,
  products: ReadonlyMap<string, Product>,
): Settlement {
  if (!reservation) return ignored('the order has no reservation');
  switch (reservation.status) {
    case 'RESERVED':
      return settle(reservation, 'CONFIRMED', products, commitUnits);
    case 'CONFIRMED':
      return ignored('the reservation is already confirmed');
    case 'RELEASED':
      return ignored('the reservation was released before the confirmation');
    case 'REJECTED':
      return ignored('the order was rejected: nothing is held');
  }
}

/**
 * The order was cancelled: held units become available again, and so do sold units when
 * the order had been confirmed. Nothing happens for a rejected order (nothing is held) or
 * one released already. Without any decision yet (see {@link releaseUndecided}) there is
 * nothing to release either.
 */
export function releaseReservation(
  reservation: Reservation | null,
  products: ReadonlyMap<string, Product>,
): Settlement {
  if (!reservation) return ignored('the order has no reservation');
  switch (reservation.status) {
    case 'RESERVED':
      return settle(reservation, 'RELEASED', products, releaseUnits);
    case 'CONFIRMED':
      return settle(reservation, 'RELEASED', products, returnUnits);
    case 'RELEASED':
      return ignored('the reservation is already released');
    case 'REJECTED':
      return ignored('the order was rejected: nothing is held');
  }
}

/**
 * The order was cancelled before inventory decided on it (its order.created was not applied:
 * dead-lettered, say). Nothing is held, but the cancellation is the order's first decision
 * and is recorded as such, so that an order.created re-driven later never reserves it.
 */
export function releaseUndecided(reservationId: string, orderId: string): Reservation {
  return decisionWithoutStock(reservationId, orderId, 'RELEASED');
}

function settle(
  reservation: Reservation,
  status: 'CONFIRMED' | 'RELEASED',
  products: ReadonlyMap<string, Product>,
  move: (product: Product, quantity: number) => Product,
): Settlement {
  return {
    outcome: status === 'CONFIRMED' ? 'confirmed' : 'released',
    from: reservation.status,
    reservation: { ...reservation, status },
    products: reservation.lines.map((line) => move(productOf(products, line), line.quantity)),
  };
}

function ignored(reason: string): Settlement {
  return { outcome: 'ignored', reason };
}

function productOf(products: ReadonlyMap<string, Product>, line: ReservationLine): Product {
  const product = products.get(line.productId);
  if (!product) throw new InventoryInvariantError(line.productId, 'reserved product not loaded');
  return product;
}
