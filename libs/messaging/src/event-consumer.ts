import { Injectable, Logger } from '@nestjs/common';
import { type KafkaContext } from '@nestjs/microservices';
import { type EventDefinition, type EventOf, parseEvent } from '@kafka-commerce/events';
import { type IHeaders } from 'kafkajs';
import { EventPublisher } from './event-publisher';

export interface ConsumeOptions<TDefinitions extends readonly EventDefinition[]> {
  /** Names the consumer in logs and dead-letter headers, e.g. `notification-service.users`. */
  readonly consumer: string;
  /** The event versions this consumer understands; anything else is dead-lettered. */
  readonly accepts: TDefinitions;
  /** How often a failing handler runs before the message is dead-lettered. */
  readonly maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 100;

/**
 * Runs one Kafka message through parse → handler, so that nothing a producer sends can block
 * a partition: a message that cannot be parsed, or whose handler keeps failing after bounded
 * retries with backoff, goes to `<topic>.dlq` and the partition moves on. The handler itself
 * must be idempotent (it may run again after a crash).
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(private readonly publisher: EventPublisher) {}

  async consume<const TDefinitions extends readonly EventDefinition[]>(
    context: KafkaContext,
    options: ConsumeOptions<TDefinitions>,
    handle: (event: EventOf<TDefinitions[number]>) => Promise<void>,
  ): Promise<void> {
    const message = context.getMessage();
    const parsed = parseEvent(asBody(message.value), options.accepts);
    if (!parsed.ok) {
      await this.deadLetter(context, options.consumer, parsed.reason, parsed.detail, 0);
      return;
    }
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await handle(parsed.event);
        return;
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        if (attempt >= maxAttempts) {
          await this.deadLetter(context, options.consumer, 'handler_failed', detail, attempt);
          return;
        }
        this.logger.warn(
          { consumer: options.consumer, eventId: parsed.event.eventId, attempt, error: detail },
          'handler failed, retrying',
        );
        await delay(backoffMs(attempt));
      }
    }
  }

  private async deadLetter(
    context: KafkaContext,
    consumer: string,
    reason: string,
    error: string,
    attempts: number,
  ): Promise<void> {
    const message = context.getMessage();
    await this.publisher.publishDeadLetter({
      sourceTopic: context.getTopic(),
      sourcePartition: context.getPartition(),
      sourceOffset: message.offset,
      key: message.key,
      value: asBody(message.value),
      headers: stringHeaders(message.headers),
      reason,
      error,
      attempts,
      consumer,
    });
  }
}

/** Exponential backoff with full jitter, so retrying instances do not move in lockstep. */
function backoffMs(attempt: number): number {
  return Math.random() * BASE_BACKOFF_MS * 2 ** (attempt - 1);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The transport is configured with `keepBinary`, but stay safe if a string arrives. */
function asBody(value: unknown): Buffer | string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return result;
}
