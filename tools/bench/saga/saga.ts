import { Client } from 'pg';
import { cpuSpent, stackProcessGroups } from '../../load/cpu-accounting';
import {
  awaitIdle,
  awaitSettled,
  confirmationLatencies,
  type Customer,
  type LoadPlan,
  percentile,
  placeAndAwait,
  placeOrders,
  prepareCustomer,
} from '../../load/saga-load';
import { type StackProfile } from '../../stack/profile';
import { type BenchContext } from '../context';
import { fixed, integer, type ScenarioReport, times } from '../report';
import { measureFloor } from './floor';
import { sagaHops, type SagaHops } from './hops';
import { checkInvariants } from './invariants';
import { stackDatabases } from './stack-databases';

/** Stock enough for every order of the run, so none is cancelled for want of it. */
const STOCK = 1_000_000;

export interface Sustained {
  readonly orders: number;
  readonly placedPerSecond: number;
  readonly confirmedPerSecond: number;
  readonly settledSeconds: number;
  readonly cpuMsPerOrder: Readonly<Record<string, number>>;
  readonly cpuMsPerOrderTotal: number;
}

/**
 * The whole saga on the bench stack (six services, their databases, the broker, over HTTP):
 * the floor, placed → confirmed p50 one order at a time, p99 at a paced rate, then a
 * sustained load at a concurrency with CPU per order by process from /proc, and design.md
 * §8's invariants over every order at the end.
 */
export async function saga(bench: BenchContext, profile: StackProfile): Promise<ScenarioReport> {
  const sizes = bench.sizes.saga;
  const databases = stackDatabases(profile);
  const orders = new Client({ connectionString: databases.order });
  await orders.connect();
  try {
    const customer = await prepareCustomer(profile, STOCK);
    const all: string[] = [customer.probeOrderId];
    await awaitSettled(orders, all, bench.sizes.timeoutMs);
    const floor = await measureFloor(bench, sizes.floorSamples);
    bench.log(`saga: floor ${fixed(floor.floorMs, 2)} ms`);

    const idle: string[] = [];
    for (let index = 0; index < sizes.idleOrders; index++) {
      idle.push(await placeAndAwait(profile, customer, orders));
    }
    const idleLatency = await confirmationLatencies(orders, idle);
    const hops = await sagaHops(databases, idle);
    bench.log(`saga: idle p50 ${fixed(percentile(idleLatency, 50), 1)} ms`);

    const paced = await placeOrders(profile, customer, {
      concurrency: 64,
      ratePerSecond: sizes.pacedRate,
      count: sizes.pacedRate * sizes.pacedSeconds,
    });
    await settleAll(orders, paced, bench.sizes.timeoutMs);
    const pacedLatency = await confirmationLatencies(orders, paced);
    bench.log(`saga: paced p99 ${fixed(percentile(pacedLatency, 99), 1)} ms`);

    const sustained = await sustainedLoad(bench, profile, customer, orders);
    all.push(...idle, ...paced, ...sustained.ids);
    const checks = await checkInvariants(databases, customer.productId, all);
    return report(
      bench,
      floor,
      { latency: idleLatency, hops },
      pacedLatency,
      sustained.result,
      checks,
    );
  } finally {
    await orders.end();
  }
}

async function settleAll(orders: Client, ids: readonly string[], timeoutMs: number) {
  const unsettled = await awaitSettled(orders, ids, timeoutMs, 200);
  if (unsettled > 0)
    throw new Error(`saga: ${unsettled} orders still PENDING after ${timeoutMs / 1000} s`);
}

/**
 * The orders of a load plan — by default as many as `concurrency` clients place in
 * `sustainedSeconds` — timed from the first placement to the last settlement; CPU from an
 * idle stack before to an idle stack after, so the trailing emails and projections are
 * counted. The settlement poll (every 200 ms, after the last placement) is the only bench
 * query counted with PostgreSQL.
 */
export async function sustainedLoad(
  bench: BenchContext,
  profile: StackProfile,
  customer: Customer,
  orders: Client,
  plan: LoadPlan = {
    concurrency: bench.sizes.saga.concurrency,
    durationMs: bench.sizes.saga.sustainedSeconds * 1000,
  },
): Promise<{ ids: string[]; result: Sustained }> {
  const groups = stackProcessGroups(profile);
  const before = await awaitIdle(groups);
  const started = Date.now();
  const ids = await placeOrders(profile, customer, plan);
  const placedMs = Date.now() - started;
  await settleAll(orders, ids, bench.sizes.timeoutMs);
  const settledMs = Date.now() - started;
  const cpu = cpuSpent(before, await awaitIdle(groups));
  const perOrder = Object.fromEntries(
    [...cpu].map(([name, ms]) => [name, Math.round((ms / ids.length) * 100) / 100]),
  );
  // The mail sink stands in for an SMTP server: not ours, not counted in the total.
  const total = [...cpu]
    .filter(([name]) => name !== 'mailcatcher')
    .reduce((sum, [, ms]) => sum + ms, 0);
  bench.log(`saga: ${integer((ids.length / settledMs) * 1000)} confirmed orders/s sustained`);
  return {
    ids,
    result: {
      orders: ids.length,
      placedPerSecond: (ids.length / placedMs) * 1000,
      confirmedPerSecond: (ids.length / settledMs) * 1000,
      settledSeconds: settledMs / 1000,
      cpuMsPerOrder: perOrder,
      cpuMsPerOrderTotal: total / ids.length,
    },
  };
}

function report(
  bench: BenchContext,
  floor: Awaited<ReturnType<typeof measureFloor>>,
  idleRun: { readonly latency: readonly number[]; readonly hops: SagaHops },
  paced: readonly number[],
  sustained: Sustained,
  checks: readonly string[],
): ScenarioReport {
  const { concurrency, sustainedSeconds, pacedRate } = bench.sizes.saga;
  const idle = idleRun.latency;
  const idleP50 = percentile(idle, 50);
  const hopFloor = floor.kafkaRoundTripP50 + floor.transactionP50;
  const hopRow = (label: string, ms: number) => [
    `  idle, median hop: ${label}`,
    fixed(ms, 1),
    fixed(hopFloor, 2),
    times(ms / hopFloor),
  ];
  const pacedP99 = percentile(paced, 99);
  const cpuRows = Object.entries(sustained.cpuMsPerOrder).map(([name, ms]) => [
    `  cpu ms/order: ${name}`,
    fixed(ms, 2),
    '',
    '',
  ]);
  return {
    id: 'saga',
    title: 'saga: POST /orders -> CONFIRMED on the bench stack (six services, Kafka, PostgreSQL)',
    notes: [
      `floor = 3 raw kafkajs round trips (p50 ${fixed(floor.kafkaRoundTripP50, 2)} ms) + 3 raw ` +
        `pg transactions (p50 ${fixed(floor.transactionP50, 2)} ms), same broker and server, same run`,
      `latency from the orders' own history (server clock); sustained: ${concurrency} clients for ` +
        `${sustainedSeconds} s, timed to the last settlement; CPU from /proc (idle to idle)`,
      'goals (issue 9): >= 150 confirmed orders/s, <= 10 ms CPU per order (total, mail sink excluded)',
    ],
    table: {
      header: ['figure', 'value', 'floor / goal', 'ratio'],
      rows: [
        [
          `placed -> confirmed p50, one at a time (${idle.length}), ms`,
          fixed(idleP50, 1),
          fixed(floor.floorMs, 2),
          times(idleP50 / floor.floorMs),
        ],
        hopRow('placed -> reserved', idleRun.hops.placedToReserved),
        hopRow('reserved -> charged', idleRun.hops.reservedToCharged),
        hopRow('charged -> confirmed', idleRun.hops.chargedToConfirmed),
        [
          `placed -> confirmed p99 at ${pacedRate}/s (${paced.length}), ms`,
          fixed(pacedP99, 1),
          fixed(floor.floorMs, 2),
          times(pacedP99 / floor.floorMs),
        ],
        [
          `confirmed orders/s at concurrency ${concurrency} (${integer(sustained.orders)} orders)`,
          fixed(sustained.confirmedPerSecond, 1),
          '150',
          times(sustained.confirmedPerSecond / 150),
        ],
        ['placed orders/s (HTTP 202) in the same run', fixed(sustained.placedPerSecond, 1), '', ''],
        [
          'cpu ms per confirmed order, total',
          fixed(sustained.cpuMsPerOrderTotal, 2),
          '10',
          times(sustained.cpuMsPerOrderTotal / 10),
        ],
        ...cpuRows,
      ],
    },
    ratios: [
      { label: 'saga p50 idle vs floor', value: idleP50 / floor.floorMs, better: 'lower' },
      {
        label: `saga p99 at ${pacedRate}/s vs floor`,
        value: pacedP99 / floor.floorMs,
        better: 'lower',
      },
      {
        label: 'saga orders/s vs 150 goal',
        value: sustained.confirmedPerSecond / 150,
        better: 'higher',
      },
    ],
    cpuMsPerOrder: sustained.cpuMsPerOrder,
    checks,
    data: {
      floor,
      idle: { orders: idle.length, p50: idleP50, p99: percentile(idle, 99), hops: idleRun.hops },
      paced: {
        orders: paced.length,
        ratePerSecond: pacedRate,
        p50: percentile(paced, 50),
        p99: pacedP99,
      },
      sustained: { concurrency, seconds: sustainedSeconds, ...sustained },
    },
  };
}
