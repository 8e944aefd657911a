export const RESERVATION_STATUSES = ['RESERVED', 'CONFIRMED', 'RELEASED', 'REJECTED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export interface ReservationLine {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * Inventory's decision on one order, and the stock it holds: RESERVED while the order is
 * pending, CONFIRMED once it is final (the units are sold), RELEASED once the order is
 * cancelled (the units are back), REJECTED when it could not be served (nothing held). An
 * order has at most one, keyed by its id, and the first decision stands: a later copy of
 * order.created (a fresh event id gets past the inbox) never reserves it again.
 */
export interface Reservation {
  readonly id: string;
  readonly orderId: string;
  readonly status: ReservationStatus;
  readonly lines: readonly ReservationLine[];
}

/**
 * One line per product, quantities summed, in order of first appearance: an order may list
 * a product twice, and what it needs of that product is the total.
 */
export function sumLines(items: readonly ReservationLine[]): ReservationLine[] {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of items) {
    totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  }
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * A decision that holds no stock, recorded all the same so that it stands: REJECTED (the
 * order could not be served), or RELEASED for an order cancelled before inventory ever saw
 * its order.created (dead-lettered, say, and re-driven later).
 */
export function decisionWithoutStock(
  id: string,
  orderId: string,
  status: 'REJECTED' | 'RELEASED',
): Reservation {
  return { id, orderId, status, lines: [] };
}
