import { Client } from 'pg';
import { prepareCustomer } from '../../load/saga-load';
import { type StackProfile } from '../../stack/profile';
import { restartServices } from '../../stack/stack';
import { type BenchContext } from '../context';
import { fixed, type ScenarioReport, times } from '../report';
import { type Sustained, sustainedLoad } from './saga';
import { stackDatabases } from './stack-databases';

type TracesExporter = 'zipkin' | 'none';

/** Tracing on and off alternate (on, off, off, on, …) so that a drifting machine favours neither. */
function exporterOrder(rounds: number): TracesExporter[] {
  return Array.from({ length: rounds }, (_, round): TracesExporter[] =>
    round % 2 === 0 ? ['zipkin', 'none'] : ['none', 'zipkin'],
  ).flat();
}

/**
 * What tracing costs the saga: the same sustained load on the bench stack with the six
 * services exporting every span to Zipkin and with tracing off (OTEL_TRACES_EXPORTER=none),
 * restarted between runs. CPU counts Zipkin too: the spans' whole cost on this machine.
 */
export async function tracingOverhead(
  bench: BenchContext,
  profile: StackProfile,
): Promise<ScenarioReport> {
  const { rounds, seconds, warmupSeconds } = bench.sizes.tracing;
  const orders = new Client({ connectionString: stackDatabases(profile).order });
  await orders.connect();
  const runs: Record<TracesExporter, Sustained[]> = { zipkin: [], none: [] };
  try {
    if (warmupSeconds > 0) {
      const customer = await prepareCustomer(profile, 1_000_000);
      await sustainedLoad(bench, profile, customer, orders, warmupSeconds);
    }
    for (const exporter of exporterOrder(rounds)) {
      await restartServices(profile, { OTEL_TRACES_EXPORTER: exporter }, bench.log);
      const customer = await prepareCustomer(profile, 1_000_000);
      const { result } = await sustainedLoad(bench, profile, customer, orders, seconds);
      bench.log(
        `tracing ${exporter}: ${fixed(result.confirmedPerSecond, 1)} orders/s, ` +
          `${fixed(result.cpuMsPerOrderTotal, 2)} CPU ms/order`,
      );
      runs[exporter].push(result);
    }
  } finally {
    // Leave the stack as it was started: tracing on.
    await restartServices(profile, { OTEL_TRACES_EXPORTER: 'zipkin' }, bench.log);
    await orders.end();
  }
  return report(bench, mean(runs.zipkin), mean(runs.none));
}

interface Averaged {
  readonly orders: number;
  readonly confirmedPerSecond: number;
  readonly cpuMsPerOrderTotal: number;
  readonly cpuMsPerOrder: Record<string, number>;
}

function mean(runs: readonly Sustained[]): Averaged {
  const average = (value: (run: Sustained) => number) =>
    runs.reduce((sum, run) => sum + value(run), 0) / runs.length;
  const processes = [...new Set(runs.flatMap((run) => Object.keys(run.cpuMsPerOrder)))];
  return {
    orders: runs.reduce((sum, run) => sum + run.orders, 0),
    confirmedPerSecond: average((run) => run.confirmedPerSecond),
    cpuMsPerOrderTotal: average((run) => run.cpuMsPerOrderTotal),
    cpuMsPerOrder: Object.fromEntries(
      processes.map((name) => [name, average((run) => run.cpuMsPerOrder[name] ?? 0)]),
    ),
  };
}

function report(bench: BenchContext, on: Averaged, off: Averaged): ScenarioReport {
  const { rounds, seconds } = bench.sizes.tracing;
  const { concurrency } = bench.sizes.saga;
  const processes = Object.keys({ ...off.cpuMsPerOrder, ...on.cpuMsPerOrder });
  return {
    id: 'tracing',
    title: 'tracing: the saga with every span exported to Zipkin vs tracing off (same stack)',
    notes: [
      `${rounds * 2} runs of ${seconds} s at concurrency ${concurrency}, on and off alternating ` +
        '(on, off, off, on, …), services restarted between them, after an untimed warm-up run; ' +
        'figures are the means',
      'CPU from /proc, idle to idle, Zipkin included (mail sink excluded); budget: <= 10 % of throughput',
    ],
    table: {
      header: ['figure', 'tracing on', 'tracing off', 'on / off'],
      rows: [
        [
          `confirmed orders/s (${on.orders} / ${off.orders} orders)`,
          fixed(on.confirmedPerSecond, 1),
          fixed(off.confirmedPerSecond, 1),
          times(on.confirmedPerSecond / off.confirmedPerSecond),
        ],
        [
          'cpu ms per confirmed order, total',
          fixed(on.cpuMsPerOrderTotal, 2),
          fixed(off.cpuMsPerOrderTotal, 2),
          times(on.cpuMsPerOrderTotal / off.cpuMsPerOrderTotal),
        ],
        ...processes.map((name) => [
          `  cpu ms/order: ${name}`,
          fixed(on.cpuMsPerOrder[name] ?? 0, 2),
          fixed(off.cpuMsPerOrder[name] ?? 0, 2),
          '',
        ]),
      ],
    },
    ratios: [
      {
        label: 'saga orders/s, tracing on vs off',
        value: on.confirmedPerSecond / off.confirmedPerSecond,
        better: 'higher',
      },
    ],
    cpuMsPerOrder: on.cpuMsPerOrder,
    checks: [`every order of the ${rounds * 2} runs settled, tracing on and off`],
    data: { rounds, seconds, concurrency, on, off },
  };
}
