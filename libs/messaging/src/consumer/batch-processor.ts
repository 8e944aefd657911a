import { type EventDefinition, type EventEnvelope, parseEvent } from '@kafka-commerce/events';
import pLimit from 'p-limit';
import { type DeadLetter } from '../dead-letter';
import { type RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy';

/** One Kafka message as fetched, before anything is trusted about it. */
export interface FetchedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a batch's messages go; implemented over Nest handlers, the DLQ producer and metrics. */
export interface BatchTarget {
  readonly consumer: string;
  readonly accepts: readonly EventDefinition[];
  /**
   * Types the topic carries that this consumer does not handle: acknowledged and counted, not
   * dead-lettered, so a new event type on a shared topic does not poison older consumers.
   */
  readonly ignores: ReadonlySet<string>;
  ignore(message: FetchedMessage, type: string): void;
  /** Present when the handler can apply a whole batch in one transaction. */
  handleBatch?(
    events: readonly EventEnvelope[],
    messages: readonly FetchedMessage[],
  ): Promise<void>;
  handleOne(event: EventEnvelope, message: FetchedMessage): Promise<void>;
  deadLetter(letter: DeadLetter): Promise<void>;
  onRetry(message: FetchedMessage, attempt: number, error: unknown): void;
  /** Keeps the group membership alive while a message is retried. */
  heartbeat(): Promise<void>;
}

interface ParsedMessage {
  readonly message: FetchedMessage;
  readonly event: EventEnvelope;
}

/**
 * Processes one fetched batch of one partition so that no message can block it:
 * 1. messages that fail parsing or validation are dead-lettered straight away;
 * 2. a batch-capable handler gets all valid events at once (the fast path);
 * 3. otherwise, or if that batch fails, events are handled one at a time — in order within
 *    a key, keys concurrently — and a failing event is retried with backoff (its key's later
 *    events wait; other keys go on) until the policy gives up and dead-letters it.
 * Resolves when every message is handled or dead-lettered, so the caller may commit.
 */
export async function processBatch(
  messages: readonly FetchedMessage[],
  target: BatchTarget,
  policy: RetryPolicy,
  keyConcurrency = 16,
): Promise<void> {
  const parsed: ParsedMessage[] = [];
  for (const message of messages) {
    const result = parseEvent(message.value, target.accepts);
    if (result.ok) parsed.push({ message, event: result.event });
    else if (result.type !== undefined && target.ignores.has(result.type))
      target.ignore(message, result.type);
    else
      await target.deadLetter(letterFor(message, target.consumer, result.reason, result.detail, 0));
  }
  if (parsed.length === 0) return;
  if (target.handleBatch) {
    try {
      await target.handleBatch(
        parsed.map((entry) => entry.event),
        parsed.map((entry) => entry.message),
      );
      return;
    } catch {
      // Fall through: one at a time finds the event that fails, and retries only it.
    }
  }
  const keys = [...groupByKey(parsed).values()];
  await runConcurrently(keys, keyConcurrency, async (entries) => {
    for (const entry of entries) {
      await handleWithRetry(entry, target, policy);
      // kafkajs heartbeats only when asked (it sends one once the interval is due): a long
      // batch, such as a backlog after an outage, must not outlive the group session.
      await target.heartbeat();
    }
  });
}

async function handleWithRetry(
  entry: ParsedMessage,
  target: BatchTarget,
  policy: RetryPolicy,
): Promise<void> {
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await target.handleOne(entry.event, entry.message);
      return;
    } catch (error) {
      if (!shouldRetry(policy, attempt, startedAt, Date.now())) {
        await target.deadLetter(
          letterFor(entry.message, target.consumer, 'handler_failed', describe(error), attempt),
        );
        return;
      }
      target.onRetry(entry.message, attempt, error);
      await sleep(retryDelayMs(policy, attempt));
      await target.heartbeat();
    }
  }
}

function groupByKey(entries: readonly ParsedMessage[]): Map<string, ParsedMessage[]> {
  const byKey = new Map<string, ParsedMessage[]>();
  for (const entry of entries) {
    const key = entry.message.key?.toString() ?? '';
    const group = byKey.get(key) ?? [];
    group.push(entry);
    byKey.set(key, group);
  }
  return byKey;
}

/** Starts `work` on the items in order, at most `limit` at a time. */
async function runConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const limited = pLimit(limit);
  await Promise.all(items.map((item) => limited(() => work(item))));
}

function letterFor(
  message: FetchedMessage,
  consumer: string,
  reason: string,
  error: string,
  attempts: number,
): DeadLetter {
  return {
    sourceTopic: message.topic,
    sourcePartition: message.partition,
    sourceOffset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers,
    reason,
    error,
    attempts,
    consumer,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
