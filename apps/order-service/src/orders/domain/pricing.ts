import { Decimal } from '@kafka-commerce/money';
import { OrderTotalTooLargeError, UnknownProductsError } from './order.errors';

export interface RequestedLine {
  readonly productId: string;
  readonly quantity: number;
}

export interface PricedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Decimal;
}

export interface PricedOrder {
  readonly lines: readonly PricedLine[];
  readonly totalAmount: Decimal;
}

/** The largest amount a DECIMAL(12, 2) column holds. */
export const MAX_ORDER_TOTAL = new Decimal('9999999999.99');

/**
 * Prices every line at the catalog's current unit price, in exact decimal arithmetic.
 * Lines naming the same product are merged, so each product appears once downstream
 * (reservations, refunds) and nobody has to add them up again.
 */
export function priceLines(
  requested: readonly RequestedLine[],
  prices: ReadonlyMap<string, Decimal>,
): PricedOrder {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of requested) {
    quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  }
  const lines: PricedLine[] = [];
  const unknown: string[] = [];
  for (const [productId, quantity] of quantities) {
    const unitPrice = prices.get(productId);
    if (unitPrice === undefined) unknown.push(productId);
    else lines.push({ productId, quantity, unitPrice });
  }
  if (unknown.length > 0) throw new UnknownProductsError(unknown);

  const totalAmount = lines.reduce(
    (sum, line) => sum.plus(line.unitPrice.times(line.quantity)),
    new Decimal(0),
  );
  if (totalAmount.greaterThan(MAX_ORDER_TOTAL)) {
    throw new OrderTotalTooLargeError(MAX_ORDER_TOTAL.toFixed(2));
  }
  return { lines, totalAmount };
}
