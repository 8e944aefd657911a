import { parseArgs } from 'node:util';

export const SCENARIO_IDS = [
  'consumer',
  'seed-throughput',
  'seed-latency',
  'saga',
  'post-orders',
  'tracing',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchArgs {
  /** Small runs that check correctness only (CI): nothing in them can fail on timing. */
  readonly quick: boolean;
  readonly scenarios: readonly ScenarioId[];
}

export type BenchCommand =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly args: BenchArgs };

export class UsageError extends Error {}

export const BENCH_USAGE = `Usage: pnpm bench [--quick] [--only ${SCENARIO_IDS.join(',')}]

Every scenario on a real Kafka broker, PostgreSQL and HTTP, each against a raw baseline
measured in the same run: consumer transport, the seed's throughput (100,000 events through
outbox, relay, Kafka and inbox) and latency tests, the whole saga on a stack of the six
services (throughput, latency, CPU per order from /proc), POST /orders against a raw
fastify + pg server, and the saga with tracing on vs off (spans to Zipkin). Prints one table per scenario and writes bench-results/<time>.json and
.svg.

  --quick     every scenario small, checking correctness only (for CI; about 2-3 minutes)
  --only L    only these scenarios (comma-separated)

Environment:
  KAFKA_BROKERS  use these brokers instead of starting the bench broker (127.0.0.1:39192);
                 the broker's CPU is then not counted
  POSTGRES_URL   PostgreSQL server (default postgresql://postgres@127.0.0.1:5432); the
                 databases kc_bench_test, kc_bench_consumer_test and kc_*_bench are dropped
                 and recreated`;

export function parseBenchArgs(argv: readonly string[]): BenchCommand {
  // `pnpm bench -- --quick` passes the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: { quick?: boolean; only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  return {
    kind: 'run',
    args: { quick: values.quick ?? false, scenarios: scenarioList(values.only) },
  };
}

function scenarioList(only: string | undefined): readonly ScenarioId[] {
  if (only === undefined) return SCENARIO_IDS;
  const wanted = only.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(SCENARIO_IDS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown scenario(s): ${unknown.join(', ')}`);
  return SCENARIO_IDS.filter((id) => wanted.includes(id));
}
