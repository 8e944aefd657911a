import { Decimal } from '@kafka-commerce/events';

/** The summary's running totals; each holds a count and a money amount. */
export const METRICS = [
  'users.registered',
  'orders.created',
  'orders.confirmed',
  'orders.cancelled',
  'payments.succeeded',
  'payments.failed',
] as const;

export type Metric = (typeof METRICS)[number];

export interface CounterChange {
  readonly count: number;
  readonly amount: Decimal;
}

export interface ProductChange {
  readonly quantity: number;
  readonly revenue: Decimal;
}

/**
 * What a batch of events changes in the summary, accumulated exactly (decimal.js) and written
 * as increments in the batch's transaction. Changes that cancel out are dropped.
 */
export class SummaryDelta {
  private readonly counterChanges = new Map<Metric, CounterChange>();
  private readonly productChanges = new Map<string, ProductChange>();

  count(metric: Metric, count: number, amount: Decimal = new Decimal(0)): void {
    const before = this.counterChanges.get(metric) ?? { count: 0, amount: new Decimal(0) };
    this.counterChanges.set(metric, {
      count: before.count + count,
      amount: before.amount.plus(amount),
    });
  }

  product(productId: string, quantity: number, revenue: Decimal): void {
    const before = this.productChanges.get(productId) ?? { quantity: 0, revenue: new Decimal(0) };
    this.productChanges.set(productId, {
      quantity: before.quantity + quantity,
      revenue: before.revenue.plus(revenue),
    });
  }

  /** Non-zero counter changes, sorted by metric (the order rows are locked in). */
  counters(): [Metric, CounterChange][] {
    return sortedNonZero(
      this.counterChanges,
      (change) => change.count !== 0 || !change.amount.isZero(),
    );
  }

  /** Non-zero product changes, sorted by product id (the order rows are locked in). */
  products(): [string, ProductChange][] {
    return sortedNonZero(
      this.productChanges,
      (change) => change.quantity !== 0 || !change.revenue.isZero(),
    );
  }

  isEmpty(): boolean {
    return this.counters().length === 0 && this.products().length === 0;
  }
}

function sortedNonZero<K extends string, V>(
  map: ReadonlyMap<K, V>,
  nonZero: (value: V) => boolean,
): [K, V][] {
  return [...map]
    .filter(([, value]) => nonZero(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
