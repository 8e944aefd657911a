import { parseArgs } from 'node:util';

export const DEFAULT_BROKERS = '127.0.0.1:9092';

export const REDRIVE_USAGE = `usage: pnpm dlq:redrive --topic <topic> [options]

Republishes dead letters from <topic>.dlq to the topic they failed on.

  --topic <name>      source topic, e.g. users (reads users.dlq)            required
  --type <type>       only messages whose event-type header is <type>
  --key <key>         only messages with this key
  --dry-run           list what would be republished; send and commit nothing
  --max <n>           republish at most n messages
  --brokers <list>    host:port,... (default: $KAFKA_BROKERS or ${DEFAULT_BROKERS})
  -h, --help          show this help

An unfiltered run commits its position (group kafka-commerce.redrive.<topic>), so the next
run continues after it. --type, --key and --dry-run runs commit nothing.`;

export interface RedriveArgs {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly type?: string;
  readonly key?: string;
  readonly dryRun: boolean;
  readonly maxMessages?: number;
}

export type ParsedCommand =
  { readonly kind: 'help' } | { readonly kind: 'redrive'; readonly args: RedriveArgs };

/** A mistake in the command line; the CLI prints it with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/** Parses `redrive --topic users [--type t] [--key k] [--dry-run] [--max n] [--brokers b]`. */
export function parseRedriveArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedCommand {
  // `pnpm dlq:redrive -- --topic users` passes the `--` through; it means nothing here.
  const [command, ...rest] = argv.filter((arg) => arg !== '--');
  if (command === '--help' || command === '-h') return { kind: 'help' };
  if (command !== 'redrive') throw new UsageError(`unknown command: ${command ?? '(none)'}`);
  const { values } = parseOrExplain(rest);
  if (values.help) return { kind: 'help' };

  const topic = required(values.topic, '--topic');
  if (!TOPIC_NAME.test(topic)) throw new UsageError(`invalid topic name: "${topic}"`);
  if (topic.endsWith('.dlq')) {
    throw new UsageError(
      `--topic takes the source topic (${topic.slice(0, -'.dlq'.length)}), not its dead-letter topic`,
    );
  }
  return {
    kind: 'redrive',
    args: {
      brokers: parseBrokers(values.brokers ?? env.KAFKA_BROKERS ?? DEFAULT_BROKERS),
      topic,
      ...(values.type === undefined ? {} : { type: required(values.type, '--type') }),
      ...(values.key === undefined ? {} : { key: required(values.key, '--key') }),
      dryRun: values['dry-run'] ?? false,
      ...(values.max === undefined ? {} : { maxMessages: parseMax(values.max) }),
    },
  };
}

function parseOrExplain(args: string[]): ReturnType<typeof parseRedrive> {
  try {
    return parseRedrive(args);
  } catch (error) {
    // node's messages are clear ("Unknown option '--tpoic'") but name an internal code too.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseRedrive(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      topic: { type: 'string' },
      type: { type: 'string' },
      key: { type: 'string' },
      'dry-run': { type: 'boolean' },
      max: { type: 'string' },
      brokers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  if (value.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return value;
}

function parseMax(text: string): number {
  const max = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(max) || max < 1) {
    throw new UsageError(`--max must be a whole number of at least 1, got "${text}"`);
  }
  return max;
}

function parseBrokers(text: string): string[] {
  const brokers = text
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new UsageError('--brokers is empty');
  const invalid = brokers.find((broker) => !/^[^\s:]+:\d{1,5}$/.test(broker));
  if (invalid !== undefined) throw new UsageError(`invalid broker "${invalid}" (want host:port)`);
  return brokers;
}
