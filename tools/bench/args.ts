import { parseQuickOnlyArgs } from './quick-only-args';

export { UsageError } from './quick-only-args';

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
  KAFKA_BROKERS  use these brokers instead of starting the bench broker (127.0.0.1:29692);
                 the broker's CPU is then not counted
  POSTGRES_URL   PostgreSQL server (default postgresql://postgres@127.0.0.1:5432); the
                 databases kc_bench_test, kc_bench_consumer_test and kc_*_bench are dropped
                 and recreated`;

export function parseBenchArgs(argv: readonly string[]): BenchCommand {
  const command = parseQuickOnlyArgs(argv, SCENARIO_IDS);
  if (command.kind === 'help') return command;
  return { kind: 'run', args: { quick: command.quick, scenarios: command.only } };
}
