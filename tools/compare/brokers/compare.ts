import { fixed, type Table } from '../../bench/report';
import { type CrashResult, measureCrash } from './crash';
import { kafkaBroker } from './kafka';
import { type LatencyResult, measureLatency } from './latency';
import { mqttBroker } from './mqtt';
import { natsBroker } from './nats';
import { measureOrdering, type OrderingResult } from './ordering';
import { rabbitBroker } from './rabbitmq';
import { redisBroker } from './redis';
import { processName, residentMiB } from './rss';
import { charts, comparisonTables, settingsLines, verdicts } from './tables';
import { measureThroughput, type ThroughputResult } from './throughput';
import { type BrokerMode, type BrokerUnderTest, type ConnectedBroker } from './types';
import { type ComparisonSizes, FULL_SIZES, QUICK_SIZES } from './workload';

export const BROKERS: readonly BrokerUnderTest[] = [
  kafkaBroker,
  rabbitBroker,
  natsBroker,
  redisBroker,
  mqttBroker,
];

/** A workload's outcome: its numbers, or why there are none. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

export interface ModeResults {
  readonly broker: string;
  readonly mode: string;
  readonly delivery: BrokerMode['delivery'];
  readonly durability: string;
  readonly settings: string;
  readonly orderingGuarantee: string;
  readonly throughput: Outcome<ThroughputResult>;
  readonly latency: Outcome<LatencyResult>;
  readonly ordering: Outcome<OrderingResult>;
  readonly crash: Outcome<CrashResult>;
}

export interface BrokerResults {
  readonly broker: string;
  /** Undefined when the broker did not answer. */
  readonly version?: string;
  readonly unavailable?: string;
  readonly modes: readonly ModeResults[];
  readonly process: string;
  readonly pid?: number;
  readonly rssMiB?: number;
}

export interface BarChart {
  readonly title: string;
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

export interface BrokerComparison {
  /** How each row was configured, one line per broker mode (plus the sizes). */
  readonly settings: string[];
  readonly tables: { readonly title: string; readonly table: Table }[];
  /** One line per broker: what it means for an order pipeline, from the numbers measured. */
  readonly verdicts: string[];
  readonly charts: BarChart[];
  readonly results: BrokerResults[];
}

export interface BrokerComparisonOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** Defaults to every broker; tests may pass fewer. */
  readonly brokers?: readonly BrokerUnderTest[];
}

/** Every broker mode through every workload, one broker at a time, in this one process. */
export async function runBrokerComparison(
  options: BrokerComparisonOptions,
): Promise<BrokerComparison> {
  const sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  const results: BrokerResults[] = [];
  for (const broker of options.brokers ?? BROKERS) {
    results.push(await runBroker(broker, sizes, options.log));
  }
  return {
    settings: settingsLines(results, sizes),
    tables: comparisonTables(results, sizes),
    verdicts: verdicts(results),
    charts: charts(results),
    results,
  };
}

async function runBroker(
  broker: BrokerUnderTest,
  sizes: ComparisonSizes,
  log: (line: string) => void,
): Promise<BrokerResults> {
  let connected: ConnectedBroker;
  try {
    connected = await broker.connect(log);
  } catch (error) {
    log(`${broker.name}: not available (${reason(error)})`);
    return { broker: broker.name, unavailable: reason(error), modes: [], process: 'n/a' };
  }
  try {
    log(`${broker.name}: ${connected.version}`);
    const modes: ModeResults[] = [];
    for (const mode of connected.modes) modes.push(await runMode(broker.name, mode, sizes, log));
    const pid = connected.serverPid();
    return {
      broker: broker.name,
      version: connected.version,
      modes,
      process: processName(pid),
      pid,
      rssMiB: residentMiB(pid),
    };
  } finally {
    await connected.close().catch(() => undefined);
  }
}

async function runMode(
  broker: string,
  mode: BrokerMode,
  sizes: ComparisonSizes,
  log: (line: string) => void,
): Promise<ModeResults> {
  const step = async <T>(workload: string, run: () => Promise<T>): Promise<Outcome<T>> => {
    const started = performance.now();
    try {
      const value = await run();
      log(`  ${mode.name}: ${workload} done in ${fixed((performance.now() - started) / 1000)} s`);
      return { ok: true, value };
    } catch (error) {
      log(`  ${mode.name}: ${workload} failed: ${reason(error)}`);
      return { ok: false, why: `failed: ${reason(error)}` };
    }
  };
  const skip = <T>(why: string): Outcome<T> => ({ ok: false, why });
  return {
    broker,
    mode: mode.name,
    delivery: mode.delivery,
    durability: mode.durability,
    settings: mode.settings,
    orderingGuarantee: mode.orderingGuarantee,
    throughput: await step('throughput', () => measureThroughput(mode, sizes)),
    latency: await step('latency', () => measureLatency(mode, sizes)),
    ordering: mode.fanOutOnly
      ? skip('n/a: no consumer groups (every subscriber gets every message)')
      : await step('ordering', () => measureOrdering(mode, sizes)),
    crash:
      mode.delivery === 'acked'
        ? await step('consumer crash', () => measureCrash(mode, sizes))
        : skip('n/a: no acks, nothing to redeliver'),
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
