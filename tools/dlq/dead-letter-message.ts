import { DEAD_LETTER_HEADERS, EVENT_HEADERS } from '@kafka-commerce/events';
import { type IHeaders, type KafkaMessage, type Message } from 'kafkajs';

/** Headers a re-driven message carries, so a consumer's logs show where it came back from. */
export const REDRIVE_HEADERS = {
  from: 'redriven-from',
  at: 'redriven-at',
} as const;

/** Reported for a dead letter that lacks a `dlq-reason` header (written by hand, say). */
export const UNKNOWN_REASON = '(none)';

const DEAD_LETTER_HEADER_PREFIX = 'dlq-';
const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DEAD_LETTER_HEADERS));

export interface RedriveFilter {
  /** Matches the `event-type` header. */
  readonly type?: string;
  /** Matches the message key (as UTF-8 text). */
  readonly key?: string;
}

/** What a dead letter says about itself, read from its key and headers. */
export interface DeadLetterInfo {
  readonly key: string | undefined;
  readonly type: string | undefined;
  readonly reason: string;
  readonly sourceTopic: string | undefined;
}

/** Where a dead letter sits: `users.dlq@0:42`. */
export interface DeadLetterPosition {
  readonly dlqTopic: string;
  readonly partition: number;
  readonly offset: string;
}

export function describeDeadLetter(message: KafkaMessage): DeadLetterInfo {
  return {
    key: message.key?.toString('utf8'),
    type: headerText(message.headers, EVENT_HEADERS.type),
    reason: headerText(message.headers, DEAD_LETTER_HEADERS.reason) ?? UNKNOWN_REASON,
    sourceTopic: headerText(message.headers, DEAD_LETTER_HEADERS.sourceTopic),
  };
}

export function matchesFilter(info: DeadLetterInfo, filter: RedriveFilter): boolean {
  if (filter.type !== undefined && info.type !== filter.type) return false;
  if (filter.key !== undefined && info.key !== filter.key) return false;
  return true;
}

export function formatPosition(position: DeadLetterPosition): string {
  return `${position.dlqTopic}@${position.partition}:${position.offset}`;
}

/**
 * The message as it was before it was dead-lettered: same key, value and original headers,
 * every `dlq-*` header removed, plus where and when it was re-driven from (replacing the marks
 * of any earlier re-drive).
 */
export function toRedrivenMessage(
  message: KafkaMessage,
  position: DeadLetterPosition,
  now: Date,
): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined || isDeadLetterHeader(name)) continue;
    headers[name] = value;
  }
  headers[REDRIVE_HEADERS.from] = formatPosition(position);
  headers[REDRIVE_HEADERS.at] = now.toISOString();
  return { key: message.key, value: message.value, headers };
}

export function isDeadLetterHeader(name: string): boolean {
  return DEAD_LETTER_HEADER_NAMES.has(name) || name.startsWith(DEAD_LETTER_HEADER_PREFIX);
}

/** A header as text; the first value if the header was repeated. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
