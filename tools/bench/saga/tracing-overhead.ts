import { waitFor } from '@kafka-commerce/testing';
import { Client } from 'pg';
import { type Customer, type LoadPlan, prepareCustomer } from '../../load/saga-load';
import { type StackProfile, zipkinUrl } from '../../stack/profile';
import { tracesOfOrder } from '../../trace/zipkin-trace';
import { restartServices } from '../../stack/stack';
import { type BenchContext } from '../context';
import { fixed, median, type ScenarioReport, times } from '../report';
import { type Sustained, sustainedLoad } from './saga';
import { stackDatabases } from './stack-databases';

type TracesExporter = 'zipkin' | 'none';

/** A saturating run and a run at a fixed rate, one after the other on the same services. */
interface Runs {
  readonly saturated: Sustained[];
  readonly paced: Sustained[];
}

/** Tracing on and off alternate (on, off, off, on, …) so that a drifting machine favours neither. */
function exporterOrder(rounds: number): TracesExporter[] {
  return Array.from({ length: rounds }, (_, round): TracesExporter[] =>
    round % 2 === 0 ? ['zipkin', 'none'] : ['none', 'zipkin'],
  ).flat();
}

/**
 * What tracing costs the saga: the same loads on the bench stack with the six services
 * exporting every span to Zipkin and with tracing off (OTEL_TRACES_EXPORTER=none), restarted
 * between runs. Two loads each time: as many orders as the clients can place (throughput at
 * saturation, which swings with batch sizes on two cores) and a fixed rate below saturation
 * (CPU per order, the steady figure: capacity is cores over it). CPU counts Zipkin too: the
 * spans' whole cost on this machine.
 */
export async function tracingOverhead(
  bench: BenchContext,
  profile: StackProfile,
): Promise<ScenarioReport> {
  const { rounds, seconds, pacedRate, warmupSeconds } = bench.sizes.tracing;
  const saturating: LoadPlan = {
    concurrency: bench.sizes.saga.concurrency,
    durationMs: seconds * 1000,
  };
  const paced: LoadPlan = { concurrency: 64, ratePerSecond: pacedRate, count: pacedRate * seconds };
  const orders = new Client({ connectionString: stackDatabases(profile).order });
  await orders.connect();
  const runs: Record<TracesExporter, Runs> = {
    zipkin: { saturated: [], paced: [] },
    none: { saturated: [], paced: [] },
  };
  // Untimed: a service just restarted runs unoptimised code for its first seconds of load, and
  // how soon V8 optimises it is not what tracing costs.
  const warmUp = (customer: Customer) =>
    warmupSeconds > 0
      ? sustainedLoad(bench, profile, customer, orders, {
          ...saturating,
          durationMs: warmupSeconds * 1000,
        })
      : undefined;
  try {
    for (const exporter of exporterOrder(rounds)) {
      await restartServices(profile, { OTEL_TRACES_EXPORTER: exporter }, bench.log);
      const customer = await prepareCustomer(profile, 1_000_000);
      await warmUp(customer);
      const saturated = await sustainedLoad(bench, profile, customer, orders, saturating);
      const atRate = await sustainedLoad(bench, profile, customer, orders, paced);
      if (exporter === 'zipkin') await awaitTraceInZipkin(profile, atRate.ids.at(-1));
      bench.log(
        `tracing ${exporter}: ${fixed(saturated.result.confirmedPerSecond, 1)} orders/s, ` +
          `${fixed(saturated.result.cpuMsPerOrderTotal, 2)} CPU ms/order saturated; ` +
          `${fixed(atRate.result.cpuMsPerOrderTotal, 2)} CPU ms/order at ${pacedRate}/s`,
      );
      runs[exporter].saturated.push(saturated.result);
      runs[exporter].paced.push(atRate.result);
    }
  } finally {
    // Leave the stack as it was started: tracing on.
    await restartServices(profile, { OTEL_TRACES_EXPORTER: 'zipkin' }, bench.log);
    await orders.end();
  }
  return report(bench, runs);
}

/**
 * A round with tracing on counts only if its spans reached Zipkin: a collector that is gone
 * (one ran out of heap mid-run) would make tracing look cheap. The round's last order must
 * be in Zipkin once the services have exported their batches (every 5 s).
 */
async function awaitTraceInZipkin(profile: StackProfile, orderId: string | undefined) {
  if (orderId === undefined) throw new Error('tracing on: the round placed no order');
  await waitFor(
    async () => ((await tracesOfOrder(zipkinUrl(profile), orderId)).length > 0 ? true : undefined),
    { timeoutMs: 30_000, intervalMs: 500, description: `tracing on: order ${orderId} in Zipkin` },
  );
}

/** One arm's runs, each figure the median of its rounds: one run disturbed by the machine moves it least. */
interface ArmFigures {
  readonly orders: number;
  readonly confirmedPerSecond: number;
  readonly cpuMsPerOrderTotal: number;
  readonly cpuMsPerOrder: Record<string, number>;
}

function medianOf(runs: readonly Sustained[]): ArmFigures {
  const processes = [...new Set(runs.flatMap((run) => Object.keys(run.cpuMsPerOrder)))];
  return {
    orders: runs.reduce((sum, run) => sum + run.orders, 0),
    confirmedPerSecond: median(runs.map((run) => run.confirmedPerSecond)),
    cpuMsPerOrderTotal: median(runs.map((run) => run.cpuMsPerOrderTotal)),
    cpuMsPerOrder: Object.fromEntries(
      processes.map((name) => [name, median(runs.map((run) => run.cpuMsPerOrder[name] ?? 0))]),
    ),
  };
}

function figures(runs: Runs): { saturated: ArmFigures; paced: ArmFigures } {
  return { saturated: medianOf(runs.saturated), paced: medianOf(runs.paced) };
}

function report(bench: BenchContext, runs: Record<TracesExporter, Runs>): ScenarioReport {
  const on = figures(runs.zipkin);
  const off = figures(runs.none);
  const perRound = (arm: Runs) =>
    arm.saturated.map((run) => fixed(run.confirmedPerSecond, 1)).join(', ');
  const { rounds, seconds, pacedRate, warmupSeconds } = bench.sizes.tracing;
  const { concurrency } = bench.sizes.saga;
  const processes = Object.keys({ ...off.paced.cpuMsPerOrder, ...on.paced.cpuMsPerOrder });
  const row = (label: string, onValue: number, offValue: number) => [
    label,
    fixed(onValue, 2),
    fixed(offValue, 2),
    times(onValue / offValue),
  ];
  return {
    id: 'tracing',
    title: 'tracing: the saga with every span exported to Zipkin vs tracing off (same stack)',
    notes: [
      `${rounds * 2} rounds, on and off alternating (on, off, off, on, …), services restarted ` +
        `for each and warmed by an untimed ${warmupSeconds} s run; each round ${seconds} s at ` +
        `concurrency ${concurrency} (saturated), then ${pacedRate * seconds} orders at ` +
        `${pacedRate}/s; figures are each arm's medians`,
      `saturated orders/s by round: tracing on ${perRound(runs.zipkin)}; ` +
        `off ${perRound(runs.none)}`,
      'CPU from /proc, idle to idle, Zipkin included (mail sink excluded). Budget: tracing costs ' +
        '<= 10 % of throughput; at a fixed rate that is CPU per order (capacity = cores / CPU per ' +
        'order), the steady figure here; saturated throughput swings with batch sizes',
    ],
    table: {
      header: ['figure', 'tracing on', 'tracing off', 'on / off'],
      rows: [
        row(
          `saturated: confirmed orders/s (${on.saturated.orders} / ${off.saturated.orders} orders)`,
          on.saturated.confirmedPerSecond,
          off.saturated.confirmedPerSecond,
        ),
        row(
          'saturated: cpu ms per confirmed order, total',
          on.saturated.cpuMsPerOrderTotal,
          off.saturated.cpuMsPerOrderTotal,
        ),
        row(
          `at ${pacedRate}/s: cpu ms per confirmed order, total`,
          on.paced.cpuMsPerOrderTotal,
          off.paced.cpuMsPerOrderTotal,
        ),
        ...processes.map((name) =>
          row(
            `  at ${pacedRate}/s, cpu ms/order: ${name}`,
            on.paced.cpuMsPerOrder[name] ?? 0,
            off.paced.cpuMsPerOrder[name] ?? 0,
          ),
        ),
      ],
    },
    ratios: [
      {
        label: `saga CPU ms per order at ${pacedRate}/s, tracing on vs off`,
        value: on.paced.cpuMsPerOrderTotal / off.paced.cpuMsPerOrderTotal,
        better: 'lower',
      },
      {
        label: 'saga orders/s saturated, tracing on vs off',
        value: on.saturated.confirmedPerSecond / off.saturated.confirmedPerSecond,
        better: 'higher',
      },
    ],
    cpuMsPerOrder: on.paced.cpuMsPerOrder,
    checks: [
      `every order of the ${rounds * 2} rounds settled, tracing on and off`,
      "every tracing-on round's last order has its trace in Zipkin",
    ],
    data: { rounds, seconds, pacedRate, concurrency, on, off },
  };
}
