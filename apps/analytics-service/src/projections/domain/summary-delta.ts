import { Decimal } from '@kafka-commerce/money';
import { type UtcDay } from './utc-day';
import { type UtcMinute } from './utc-minute';

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

/** The statuses the dashboard counts orders entering, per minute. */
export type OrderMinuteStatus = 'created' | 'confirmed' | 'cancelled';

/** Orders that entered `status` during one UTC minute. */
export interface MinuteChange {
  readonly minute: UtcMinute;
  readonly status: OrderMinuteStatus;
  readonly count: number;
}

/** A change of one UTC day's figure (a metric, a cancellation reason or a product). */
export interface DailyChange<K extends string, V> {
  readonly day: UtcDay;
  readonly key: K;
  readonly change: V;
}

/**
 * What a batch of events changes in the summary and in the per-day figures of the sales
 * report, accumulated exactly (decimal.js) and written as increments in the batch's
 * transaction. Changes that cancel out are dropped.
 */
export class SummaryDelta {
  private readonly counterChanges = new Map<Metric, CounterChange>();
  private readonly productChanges = new Map<string, ProductChange>();
  private readonly dailyCounterChanges = new Map<UtcDay, Map<Metric, CounterChange>>();
  private readonly dailyProductChanges = new Map<UtcDay, Map<string, ProductChange>>();
  private readonly cancellationChanges = new Map<UtcDay, Map<string, number>>();
  private readonly minuteChanges = new Map<UtcMinute, Map<OrderMinuteStatus, number>>();

  /** Changes a running total and, when `on` is given, that day's figure of it too. */
  count(metric: Metric, count: number, amount: Decimal = new Decimal(0), on?: UtcDay): void {
    addCounter(this.counterChanges, metric, count, amount);
    if (on !== undefined) addCounter(dayOf(this.dailyCounterChanges, on), metric, count, amount);
  }

  /** Changes a product's confirmed units and revenue and, when `on` is given, that day's. */
  product(productId: string, quantity: number, revenue: Decimal, on?: UtcDay): void {
    addProduct(this.productChanges, productId, quantity, revenue);
    if (on !== undefined) {
      addProduct(dayOf(this.dailyProductChanges, on), productId, quantity, revenue);
    }
  }

  /** Counts an order cancelled on `on` for `reason` (per day only: the summary has no reasons). */
  cancellation(on: UtcDay, reason: string): void {
    const reasons = dayOf(this.cancellationChanges, on);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }

  /** Counts an order entering `status` during the minute `at` (never taken back). */
  orderEntered(status: OrderMinuteStatus, at: UtcMinute): void {
    const statuses = this.minuteChanges.get(at) ?? new Map<OrderMinuteStatus, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.minuteChanges.set(at, statuses);
  }

  /** Non-zero counter changes, sorted by metric (the order rows are locked in). */
  counters(): [Metric, CounterChange][] {
    return sortedNonZero(this.counterChanges, counterNonZero);
  }

  /** Non-zero product changes, sorted by product id (the order rows are locked in). */
  products(): [string, ProductChange][] {
    return sortedNonZero(this.productChanges, productNonZero);
  }

  /** Non-zero per-day counter changes, sorted by day, then metric. */
  dailyCounters(): DailyChange<Metric, CounterChange>[] {
    return dailyNonZero(this.dailyCounterChanges, counterNonZero);
  }

  /** Non-zero per-day product changes, sorted by day, then product id. */
  dailyProducts(): DailyChange<string, ProductChange>[] {
    return dailyNonZero(this.dailyProductChanges, productNonZero);
  }

  /** Per-day cancellation counts by reason, sorted by day, then reason. */
  cancellations(): DailyChange<string, number>[] {
    return dailyNonZero(this.cancellationChanges, (count) => count !== 0);
  }

  /** Per-minute order counts by status, sorted by minute, then status. */
  orderMinutes(): MinuteChange[] {
    return sortedNonZero(this.minuteChanges, () => true).flatMap(([minute, statuses]) =>
      sortedNonZero(statuses, (count) => count !== 0).map(([status, count]) => ({
        minute,
        status,
        count,
      })),
    );
  }

  isEmpty(): boolean {
    return (
      this.counters().length === 0 &&
      this.products().length === 0 &&
      this.dailyCounters().length === 0 &&
      this.dailyProducts().length === 0 &&
      this.cancellations().length === 0 &&
      this.orderMinutes().length === 0
    );
  }
}

function addCounter<K>(map: Map<K, CounterChange>, key: K, count: number, amount: Decimal): void {
  const before = map.get(key) ?? { count: 0, amount: new Decimal(0) };
  map.set(key, { count: before.count + count, amount: before.amount.plus(amount) });
}

function addProduct<K>(
  map: Map<K, ProductChange>,
  key: K,
  quantity: number,
  revenue: Decimal,
): void {
  const before = map.get(key) ?? { quantity: 0, revenue: new Decimal(0) };
  map.set(key, { quantity: before.quantity + quantity, revenue: before.revenue.plus(revenue) });
}

function dayOf<K, V>(days: Map<UtcDay, Map<K, V>>, day: UtcDay): Map<K, V> {
  let figures = days.get(day);
  if (!figures) {
    figures = new Map();
    days.set(day, figures);
  }
  return figures;
}

function counterNonZero(change: CounterChange): boolean {
  return change.count !== 0 || !change.amount.isZero();
}

function productNonZero(change: ProductChange): boolean {
  return change.quantity !== 0 || !change.revenue.isZero();
}

function dailyNonZero<K extends string, V>(
  days: ReadonlyMap<UtcDay, ReadonlyMap<K, V>>,
  nonZero: (value: V) => boolean,
): DailyChange<K, V>[] {
  return sortedNonZero(days, () => true).flatMap(([day, figures]) =>
    sortedNonZero(figures, nonZero).map(([key, change]) => ({ day, key, change })),
  );
}

function sortedNonZero<K extends string, V>(
  map: ReadonlyMap<K, V>,
  nonZero: (value: V) => boolean,
): [K, V][] {
  return [...map]
    .filter(([, value]) => nonZero(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
