import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { InMemoryOrderRepository } from '../../testing/in-memory-order-repository';
import { aPendingOrder } from '../../testing/order-builders';
import { type Order } from '../domain/order';
import { PrometheusSettlementObserver } from './prometheus-settlement-observer';

const T0 = new Date('2026-11-26T10:00:00.000Z').getTime();
const COUNT_MAX_AGE_MS = 5_000;

function setUp(orders: readonly Partial<Order>[] = []) {
  const repository = new InMemoryOrderRepository();
  for (const overrides of orders) {
    const order = aPendingOrder(overrides);
    repository.orders.set(order.id, order);
  }
  const reads = jest.spyOn(repository, 'countByStatus');
  const clock = { now: T0 };
  const registry = new Registry();
  const metrics = new PrometheusSettlementObserver(registry, repository, {
    countMaxAgeMs: COUNT_MAX_AGE_MS,
    now: () => clock.now,
  });
  return { repository, reads, clock, registry, metrics };
}

/** A sample as a scrape sees it; a histogram's samples also name their series (_bucket, …). */
interface Sample {
  readonly labels: Partial<Record<string, string | number>>;
  readonly value: number;
  readonly metricName?: string;
}

/** The samples of one metric, keyed by series name and label values. */
async function scrape(registry: Registry, name: string): Promise<Record<string, number>> {
  const samples: readonly Sample[] = (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return Object.fromEntries(
    samples.map(({ labels, value, metricName }) => [
      [metricName ?? name, ...Object.values(labels)].join(' '),
      value,
    ]),
  );
}

const secondsAgo = (seconds: number) => new Date(T0 - seconds * 1000);

describe('PrometheusSettlementObserver', () => {
  it('counts the orders of every status, with 0 for a status no order has', async () => {
    const { registry } = setUp([
      { status: 'PENDING' },
      { status: 'CONFIRMED' },
      { status: 'CONFIRMED' },
    ]);
    expect(await scrape(registry, 'orders_by_status')).toEqual({
      'orders_by_status PENDING': 1,
      'orders_by_status CONFIRMED': 2,
      'orders_by_status CANCELLED': 0,
    });
  });

  it('reports the age of the oldest PENDING order, however old the settled ones are', async () => {
    const { registry } = setUp([
      { status: 'CONFIRMED', createdAt: secondsAgo(3600) },
      { status: 'PENDING', createdAt: secondsAgo(90) },
      { status: 'PENDING', createdAt: secondsAgo(5) },
    ]);
    expect(await scrape(registry, 'orders_pending_oldest_age_seconds')).toEqual({
      orders_pending_oldest_age_seconds: 90,
    });
  });

  it('reports an age of 0 when no order waits', async () => {
    const { registry } = setUp([{ status: 'CANCELLED', createdAt: secondsAgo(600) }]);
    expect(await scrape(registry, 'orders_pending_oldest_age_seconds')).toEqual({
      orders_pending_oldest_age_seconds: 0,
    });
  });

  it('counts once for concurrent scrapes and for scrapes within the count’s maximum age', async () => {
    const { registry, reads, clock } = setUp([{ status: 'PENDING' }]);

    await Promise.all(Array.from({ length: 20 }, () => registry.metrics()));
    clock.now += COUNT_MAX_AGE_MS - 1;
    await registry.metrics();
    expect(reads).toHaveBeenCalledTimes(1);

    clock.now += 1;
    await registry.metrics();
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('lets the oldest age grow between two counts, as a stuck order’s does', async () => {
    const { registry, clock } = setUp([{ status: 'PENDING', createdAt: secondsAgo(58) }]);
    await registry.metrics();
    clock.now += 3_000;
    expect(await scrape(registry, 'orders_pending_oldest_age_seconds')).toEqual({
      orders_pending_oldest_age_seconds: 61,
    });
  });

  it('keeps the last count when the database does not answer, and still serves the scrape', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { registry, reads, clock } = setUp([{ status: 'PENDING', createdAt: secondsAgo(10) }]);
    await registry.metrics();
    reads.mockRejectedValue(new Error('connection refused'));
    clock.now += COUNT_MAX_AGE_MS;

    expect(await scrape(registry, 'orders_by_status')).toMatchObject({
      'orders_by_status PENDING': 1,
    });
    expect(await scrape(registry, 'orders_pending_oldest_age_seconds')).toEqual({
      orders_pending_oldest_age_seconds: 15,
    });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows no status counts before the first count succeeded', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { registry, reads } = setUp();
    reads.mockRejectedValue(new Error('connection refused'));
    expect(await scrape(registry, 'orders_by_status')).toEqual({});
    warn.mockRestore();
  });

  it('times each settlement in a histogram by outcome', async () => {
    const { registry, metrics } = setUp();
    metrics.orderSettled({ status: 'CONFIRMED', seconds: 0.3 });
    metrics.orderSettled({ status: 'CANCELLED', seconds: 75 });

    const histogram = await scrape(registry, 'order_settlement_seconds');
    expect(histogram).toMatchObject({
      'order_settlement_seconds_count CONFIRMED': 1,
      'order_settlement_seconds_sum CONFIRMED': 0.3,
      'order_settlement_seconds_bucket 0.25 CONFIRMED': 0,
      'order_settlement_seconds_bucket 0.5 CONFIRMED': 1,
      'order_settlement_seconds_bucket 60 CANCELLED': 0,
      'order_settlement_seconds_bucket 120 CANCELLED': 1,
    });
  });
});
