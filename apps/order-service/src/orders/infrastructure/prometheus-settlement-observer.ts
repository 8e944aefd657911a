import { Logger } from '@nestjs/common';
import { Gauge, Histogram, type Registry } from 'prom-client';
import { type OrderRepository, type StatusCount } from '../application/ports/order-repository';
import { SettlementObserver } from '../application/ports/settlement-observer';
import { type OrderSettlement, UNSETTLED_STATUSES } from '../domain/order-settlement';
import { ORDER_STATUSES } from '../domain/order-status';
import { ThrottledRead } from './throttled-read';

/** From an order settled at once to one the saga took two minutes over (SagaStuck: 60 s). */
const SETTLEMENT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface PrometheusSettlementObserverOptions {
  /** How long one count of the orders serves scrapes; 5 s unless given. */
  readonly countMaxAgeMs?: number;
  readonly now?: () => number;
}

/**
 * The saga at `/metrics`, as the SettlementObserver's Prometheus adapter: orders per status
 * and the age of the oldest unsettled order, counted from the database when scraped (at most
 * once per `countMaxAgeMs`, however many scrapes come: the count stays off the request path
 * and a scrape storm costs one query), and how long orders take to settle. Every instance reports the same database-wide counts:
 * aggregate them across instances with max, not sum.
 */
export class PrometheusSettlementObserver extends SettlementObserver {
  private readonly logger = new Logger(PrometheusSettlementObserver.name);
  private readonly settlementSeconds: Histogram<'outcome'>;

  constructor(
    registry: Registry,
    orders: OrderRepository,
    options: PrometheusSettlementObserverOptions = {},
  ) {
    super();
    const now = options.now ?? Date.now;
    const counts = new ThrottledRead(() => orders.countByStatus(), {
      maxAgeMs: options.countMaxAgeMs ?? 5_000,
      now,
      onError: (error) => {
        this.logger.warn(
          { error: String(error) },
          'orders not counted; metrics keep the last count',
        );
      },
    });
    registerStatusGauges(registry, counts, now);
    this.settlementSeconds = new Histogram({
      name: 'order_settlement_seconds',
      help: 'Time from placing an order to its settlement (CONFIRMED or CANCELLED), by outcome',
      labelNames: ['outcome'],
      buckets: SETTLEMENT_BUCKETS,
      registers: [registry],
    });
  }

  orderSettled({ status, seconds }: OrderSettlement): void {
    this.settlementSeconds.observe({ outcome: status }, seconds);
  }
}

function registerStatusGauges(
  registry: Registry,
  counts: ThrottledRead<StatusCount[]>,
  now: () => number,
): void {
  new Gauge({
    name: 'orders_by_status',
    help: 'Orders per status, counted from the database when scraped (database-wide)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const latest = await counts.get();
      if (!latest) return; // never counted yet: no series rather than false zeros
      for (const status of ORDER_STATUSES) this.set({ status }, countOf(latest, status));
    },
  });
  new Gauge({
    name: 'orders_pending_oldest_age_seconds',
    help: 'Age of the oldest order the saga has not settled yet (0 when there is none)',
    registers: [registry],
    async collect() {
      this.set(oldestUnsettledAgeSeconds((await counts.get()) ?? [], now()));
    },
  });
}

function countOf(counts: readonly StatusCount[], status: StatusCount['status']): number {
  return counts.find((counted) => counted.status === status)?.count ?? 0;
}

/**
 * Measured against the clock of this scrape, not of the count: between two counts the age
 * keeps growing, as a stuck order's does.
 */
function oldestUnsettledAgeSeconds(counts: readonly StatusCount[], now: number): number {
  const placedAt = counts
    .filter(({ status, count }) => UNSETTLED_STATUSES.includes(status) && count > 0)
    .map(({ oldestPlacedAt }) => oldestPlacedAt.getTime());
  return placedAt.length === 0 ? 0 : Math.max(0, (now - Math.min(...placedAt)) / 1000);
}
