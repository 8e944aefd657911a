import { parseArgs } from 'node:util';

export const PARTS = ['brokers', 'serialization'] as const;
export type Part = (typeof PARTS)[number];

export interface CompareArgs {
  readonly quick: boolean;
  readonly parts: readonly Part[];
}

export type CompareCommand =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly args: CompareArgs };

export class UsageError extends Error {}

export const COMPARE_USAGE = `Usage: pnpm bench:compare [--quick] [--only ${PARTS.join(',')}]

The customer's two comparison tables, measured side by side on this machine in one run:
the same order.created events through Kafka, RabbitMQ, NATS (JetStream and core), Redis
(Streams and Pub/Sub) and MQTT, each durable and at-least-once where it can be, plus its
fire-and-forget mode; and every event version of libs/events as JSON, MessagePack,
Protocol Buffers and Avro. Writes bench-results/compare-<time>.md with an .svg chart.

  --quick     small workloads, correctness only (exact counts, fidelity, evolution; for CI)
  --only L    only these parts (comma-separated)

A broker that does not answer gets a "not available" row; the others still run.
Environment: KAFKA_BROKERS (else a broker is started on 127.0.0.1:39292), RABBITMQ_URL,
NATS_URL, REDIS_URL, MQTT_URL (default: the usual ports on 127.0.0.1).`;

export function parseCompareArgs(argv: readonly string[]): CompareCommand {
  // `pnpm bench:compare -- --quick` passes the separator through.
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
  return { kind: 'run', args: { quick: values.quick ?? false, parts: partList(values.only) } };
}

function partList(only: string | undefined): readonly Part[] {
  if (only === undefined) return PARTS;
  const wanted = only.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown part(s): ${unknown.join(', ')}`);
  return PARTS.filter((part) => wanted.includes(part));
}
