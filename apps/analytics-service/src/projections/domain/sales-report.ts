import { Decimal, type Money, toMoney } from '@kafka-commerce/money';
import { type ProductSalesTotal } from './summary';
import { type Metric } from './summary-delta';
import { eachDay, type UtcDay } from './utc-day';

/** The longest range one report covers, both ends included (a leap year). */
export const MAX_REPORT_DAYS = 366;

/** The per-day metrics the report reads. */
export const REPORT_METRICS = [
  'orders.created',
  'orders.confirmed',
  'orders.cancelled',
  'payments.succeeded',
  'payments.failed',
] as const satisfies readonly Metric[];

export type ReportMetric = (typeof REPORT_METRICS)[number];

/** The stored per-day projections of a range, as read. */
export interface SalesFigures {
  readonly days: readonly {
    readonly day: UtcDay;
    readonly metric: ReportMetric;
    readonly count: number;
    readonly amount: Decimal;
  }[];
  readonly cancellations: readonly {
    readonly day: UtcDay;
    readonly reason: string;
    readonly count: number;
  }[];
  /** Summed over the range, one per product. */
  readonly products: readonly ProductSalesTotal[];
}

export interface SalesReportDay {
  readonly date: UtcDay;
  readonly ordersCreated: number;
  readonly ordersConfirmed: number;
  readonly ordersCancelled: number;
  readonly cancelledByReason: Readonly<Record<string, number>>;
  readonly revenue: Money;
  readonly paymentsSucceeded: number;
  readonly paymentsFailed: number;
  readonly paymentSuccessRate: string | null;
}

export interface SalesReportProduct {
  readonly productId: string;
  readonly unitsSold: number;
  readonly revenue: Money;
}

export interface SalesReport {
  readonly from: UtcDay;
  readonly to: UtcDay;
  readonly days: readonly SalesReportDay[];
  readonly products: readonly SalesReportProduct[];
}

const RATE_DECIMALS = 4;

/**
 * The report of `from`…`to`: every day of the range in order, zeros for a day without a
 * figure; products with units sold in the range, most revenue first, ties by product id.
 */
export function buildSalesReport(from: UtcDay, to: UtcDay, figures: SalesFigures): SalesReport {
  const counts = new Map<string, { count: number; amount: Decimal }>();
  for (const row of figures.days) counts.set(`${row.day}/${row.metric}`, row);
  const reasons = new Map<UtcDay, [string, number][]>();
  for (const row of figures.cancellations) {
    if (row.count !== 0)
      reasons.set(row.day, [...(reasons.get(row.day) ?? []), [row.reason, row.count]]);
  }
  const days = eachDay(from, to).map((date): SalesReportDay => {
    const figure = (metric: ReportMetric) => counts.get(`${date}/${metric}`);
    const succeeded = figure('payments.succeeded')?.count ?? 0;
    const failed = figure('payments.failed')?.count ?? 0;
    return {
      date,
      ordersCreated: figure('orders.created')?.count ?? 0,
      ordersConfirmed: figure('orders.confirmed')?.count ?? 0,
      ordersCancelled: figure('orders.cancelled')?.count ?? 0,
      cancelledByReason: Object.fromEntries(
        (reasons.get(date) ?? []).sort(([a], [b]) => compareText(a, b)),
      ),
      revenue: toMoney(figure('orders.confirmed')?.amount ?? new Decimal(0)),
      paymentsSucceeded: succeeded,
      paymentsFailed: failed,
      paymentSuccessRate: successRate(succeeded, failed),
    };
  });
  const products = figures.products
    .filter((product) => product.quantity > 0)
    .sort((a, b) => b.revenue.comparedTo(a.revenue) || compareText(a.productId, b.productId))
    .map((product) => ({
      productId: product.productId,
      unitsSold: product.quantity,
      revenue: toMoney(product.revenue),
    }));
  return { from, to, days, products };
}

/**
 * SUCCEEDED / (SUCCEEDED + FAILED) as a decimal string rounded half-up to 4 places
 * ("0.7500"); null on a day without a processed payment (a rate of nothing is not 0).
 */
export function successRate(succeeded: number, failed: number): string | null {
  const attempts = succeeded + failed;
  if (attempts === 0) return null;
  return new Decimal(succeeded).dividedBy(attempts).toFixed(RATE_DECIMALS, Decimal.ROUND_HALF_UP);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
