export const RESERVATION_STATUSES = ['RESERVED', 'CONFIRMED', 'RELEASED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export interface ReservationLine {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * Stock held for one order: RESERVED while the order is pending, CONFIRMED once it is final
 * (the units are sold), RELEASED once the order is cancelled (the units are back). An order
 * has at most one; a rejected order has none.
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
