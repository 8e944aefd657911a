import { availableOf, type Product } from './product';
import { reserveUnits } from './stock-movements';
import {
  decisionWithoutStock,
  type Reservation,
  type ReservationLine,
  sumLines,
} from './reservation';

export type RejectionReason = 'unknown_product' | 'out_of_stock';

export type ReservationPlan =
  | {
      readonly outcome: 'rejected';
      readonly reason: RejectionReason;
      /** The products at fault, each once. */
      readonly productIds: readonly string[];
      /** The decision to store: REJECTED, holding nothing. */
      readonly reservation: Reservation;
    }
  | {
      readonly outcome: 'reserved';
      readonly reservation: Reservation;
      /** The new state of every product the order touches. */
      readonly products: readonly Product[];
      /** The products this reservation took to or below their low-stock threshold. */
      readonly lowStock: readonly Product[];
    };

export interface ReservationRequest {
  readonly reservationId: string;
  readonly orderId: string;
  readonly items: readonly ReservationLine[];
}

/**
 * All or nothing: every line is held, or none is and the order is rejected (a decision
 * stored all the same, so that it stands). An unknown
 * product outranks a shortage (no restock can fix it). `products` must hold the current
 * state of every product the order names that exists.
 */
export function planReservation(
  request: ReservationRequest,
  products: ReadonlyMap<string, Product>,
): ReservationPlan {
  const lines = sumLines(request.items);
  const unknown = lines.filter((line) => !products.has(line.productId));
  if (unknown.length > 0) return rejected(request, 'unknown_product', unknown);
  const short = lines.filter((line) => availableOf(productOf(products, line)) < line.quantity);
  if (short.length > 0) return rejected(request, 'out_of_stock', short);

  const reserved = lines.map((line) => reserveUnits(productOf(products, line), line.quantity));
  return {
    outcome: 'reserved',
    reservation: {
      id: request.reservationId,
      orderId: request.orderId,
      status: 'RESERVED',
      lines,
    },
    products: reserved.map((result) => result.product),
    lowStock: reserved.filter((result) => result.crossedLowStock).map((result) => result.product),
  };
}

function rejected(
  { reservationId, orderId }: ReservationRequest,
  reason: RejectionReason,
  lines: readonly ReservationLine[],
): ReservationPlan {
  return {
    outcome: 'rejected',
    reason,
    productIds: lines.map((line) => line.productId),
    reservation: decisionWithoutStock(reservationId, orderId, 'REJECTED'),
  };
}

function productOf(products: ReadonlyMap<string, Product>, line: ReservationLine): Product {
  const product = products.get(line.productId);
  if (!product) throw new Error(`product ${line.productId} was not loaded`);
  return product;
}
