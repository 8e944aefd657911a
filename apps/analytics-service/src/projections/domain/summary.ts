import { Decimal, type Money, toMoney } from '@kafka-commerce/money';
import { type CounterChange, type Metric } from './summary-delta';

export interface ProductSalesTotal {
  readonly productId: string;
  readonly quantity: number;
  readonly revenue: Decimal;
}

export interface Summary {
  readonly usersRegistered: number;
  readonly orders: {
    readonly created: number;
    readonly confirmed: number;
    readonly cancelled: number;
  };
  readonly revenue: Money;
  readonly paymentSuccessRate: number | null;
  readonly topProducts: readonly { productId: string; quantity: number; revenue: Money }[];
}

export const TOP_PRODUCTS = 5;
const RATE_DECIMALS = 4;

/** Builds the summary from the running totals and the best-selling products. */
export function buildSummary(
  totals: ReadonlyMap<Metric, CounterChange>,
  topProducts: readonly ProductSalesTotal[],
): Summary {
  const count = (metric: Metric) => totals.get(metric)?.count ?? 0;
  return {
    usersRegistered: count('users.registered'),
    orders: {
      created: count('orders.created'),
      confirmed: count('orders.confirmed'),
      cancelled: count('orders.cancelled'),
    },
    // The revenue of the orders currently CONFIRMED.
    revenue: toMoney(totals.get('orders.confirmed')?.amount ?? new Decimal(0)),
    paymentSuccessRate: paymentSuccessRate(count('payments.succeeded'), count('payments.failed')),
    topProducts: topProducts.map((product) => ({
      productId: product.productId,
      quantity: product.quantity,
      revenue: toMoney(product.revenue),
    })),
  };
}

/**
 * SUCCEEDED / (SUCCEEDED + FAILED) over processed payments, rounded half-up to 4 decimals;
 * null when no payment was processed yet (a rate of nothing is not 0%).
 */
export function paymentSuccessRate(succeeded: number, failed: number): number | null {
  const attempts = succeeded + failed;
  if (attempts === 0) return null;
  return new Decimal(succeeded)
    .dividedBy(attempts)
    .toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP)
    .toNumber();
}
