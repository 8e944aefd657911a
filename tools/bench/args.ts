import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Events produced once and consumed by every scenario round. */
  readonly events: number;
  /** Timed runs of each scenario; the report shows the median. */
  readonly rounds: number;
  /** Deadline for one scenario run, from its start to its last event. */
  readonly timeoutSeconds: number;
}

export type BenchCommand =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly args: BenchArgs };

export class UsageError extends Error {}

export const BENCH_USAGE = `Usage: pnpm bench [--events N] [--rounds R] [--timeout S]

Consumer throughput on a real Kafka broker and PostgreSQL: raw kafkajs (the baseline) vs the
messaging runtime (no-op handler, batch and single) vs the idempotent batched consumer.

  --events N    events produced once and consumed by each scenario (default 50000)
  --rounds R    timed runs per scenario; the median is reported (default 3)
  --timeout S   deadline for one scenario run, in seconds (default 120)

Environment:
  KAFKA_BROKERS  use these brokers instead of starting the bench broker (127.0.0.1:59092)
  POSTGRES_URL   PostgreSQL server (default postgresql://postgres@127.0.0.1:5432);
                 the database kc_bench_test on it is dropped and recreated`;

const DEFAULTS: BenchArgs = { events: 50_000, rounds: 3, timeoutSeconds: 120 };

export function parseBenchArgs(argv: readonly string[]): BenchCommand {
  // `pnpm bench -- --events 5000` passes the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: { events?: string; rounds?: string; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        events: { type: 'string' },
        rounds: { type: 'string' },
        timeout: { type: 'string' },
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
    args: {
      events: positiveInteger('--events', values.events, DEFAULTS.events, 10_000_000),
      rounds: positiveInteger('--rounds', values.rounds, DEFAULTS.rounds, 50),
      timeoutSeconds: positiveInteger('--timeout', values.timeout, DEFAULTS.timeoutSeconds, 3600),
    },
  };
}

function positiveInteger(
  flag: string,
  value: string | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${value}"`);
  }
  return number;
}
