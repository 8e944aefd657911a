import { parseQuickOnlyArgs } from '../bench/quick-only-args';

export { UsageError } from '../bench/quick-only-args';

export const PARTS = ['brokers', 'serialization'] as const;
export type Part = (typeof PARTS)[number];

export interface CompareArgs {
  readonly quick: boolean;
  readonly parts: readonly Part[];
}

export type CompareCommand =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly args: CompareArgs };

export const COMPARE_USAGE = `Usage: pnpm bench:compare [--quick] [--only ${PARTS.join(',')}]

The customer's two comparison tables, measured side by side on this machine in one run:
the same order.created events through Kafka, RabbitMQ, NATS (JetStream and core), Redis
(Streams and Pub/Sub) and MQTT, each durable and at-least-once where it can be, plus its
fire-and-forget mode; and every event version of libs/events as JSON, MessagePack,
Protocol Buffers and Avro. Writes bench-results/compare-<time>.md with an .svg chart.

  --quick     small workloads, correctness only (exact counts, fidelity, evolution; for CI)
  --only L    only these parts (comma-separated)

A broker that does not answer gets a "not available" row; the others still run.
Environment: KAFKA_BROKERS (else a broker is started on 127.0.0.1:29792), RABBITMQ_URL,
NATS_URL, REDIS_URL, MQTT_URL (default: the usual ports on 127.0.0.1).`;

export function parseCompareArgs(argv: readonly string[]): CompareCommand {
  const command = parseQuickOnlyArgs(argv, PARTS);
  if (command.kind === 'help') return command;
  return { kind: 'run', args: { quick: command.quick, parts: command.only } };
}
