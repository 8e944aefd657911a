import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BaseRpcContext,
  type CustomTransportStrategy,
  type MessageHandler,
  Server,
} from '@nestjs/microservices';
import { EVENT_CATALOG, type EventEnvelope } from '@kafka-commerce/events';
import {
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  Kafka,
  type KafkaMessage,
} from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventPublisher } from '../event-publisher';
import { type InboxClaim } from '../inbox/inbox';
import { KAFKA_CLIENT, KAFKA_RETRY } from '../kafka-connection';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { type ConsumedMessage, traceConsuming } from '../tracing/message-tracing';
import { type BatchTarget, type FetchedMessage, processBatch } from './batch-processor';
import { EVENT_HANDLER_EXTRAS, type EventHandlerOptions } from './event-handler.decorator';
import { OffsetCommits } from './offset-commits';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Where the event came from and who consumes it, for handlers (`@Ctx()`). */
export class KafkaEventContext extends BaseRpcContext<
  [topic: string, partition: number, consumer: string]
> {
  getTopic(): string {
    return this.args[0];
  }
  getPartition(): number {
    return this.args[1];
  }
  /**
   * The consuming handler's name, `<service>.<topic>`: its consumer group and its name in the
   * inbox. Handlers take it from here rather than spell it, so it cannot drift.
   */
  getConsumer(): string {
    return this.args[2];
  }
  /** The inbox entry that marks `event` applied by this consumer. */
  claimOf(event: { readonly eventId: string }): InboxClaim {
    return { consumer: this.getConsumer(), eventId: event.eventId };
  }
}

/** One `@EventHandler` topic as the server routes it. */
interface Route {
  readonly topic: string;
  readonly handler: MessageHandler;
  readonly options: EventHandlerOptions;
  /** `<service>.<topic>`: the consumer group, and the inbox's name (never change it: dedup keys). */
  readonly consumer: string;
  /** Types the topic carries that the handler does not accept. */
  readonly ignores: ReadonlySet<string>;
}

/**
 * Nest transport over kafkajs `eachBatch`, replacing Nest's Kafka server (one consumer for all
 * topics, no batches, poison messages retried forever). Each `@EventHandler` topic gets its
 * own consumer group `<service>.<topic>`; each fetched batch is processed by `processBatch`
 * and its offsets are committed only once every message is handled or dead-lettered.
 */
@Injectable()
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaEventServer.name);
  private readonly retryPolicy: RetryPolicy;
  private consumers: Consumer[] = [];
  private readonly commits = new Map<Consumer, OffsetCommits>();
  private closing = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly metrics: MessagingMetrics,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
  }

  listen(callback: (error?: unknown) => void): void {
    this.subscribeAll().then(
      () => {
        callback();
      },
      (error: unknown) => {
        callback(error);
      },
    );
  }

  /**
   * Commits what was processed, then stops fetching: kafkajs waits for batches in flight,
   * which commit their own offsets as they finish.
   */
  async close(): Promise<void> {
    this.closing = true;
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all([...this.commits.values()].map((commits) => commits.stop()));
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  }

  /** A method, not the field: a replacement reads it after awaiting. */
  private isClosing(): boolean {
    return this.closing;
  }

  on(): never {
    throw new Error('KafkaEventServer has no events to listen to');
  }

  // The signature is Nest's (Server.unwrap<T>).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  unwrap<T>(): T {
    return this.consumers as T;
  }

  private async subscribeAll(): Promise<void> {
    for (const [topic, handler] of this.messageHandlers) {
      await this.subscribe(this.routeOf(topic, handler));
    }
  }

  /**
   * One consumer and group per topic (`<service>.<topic>`): kafkajs fetches the next batch
   * of a broker only once the previous one is processed, so a retried event stalls only its
   * own topic. One consumer for all of a service's topics showed no CPU saving under
   * `pnpm load:orders` (the broker still answers one fetch per group and new message) and
   * would widen that stall to every topic of the service.
   */
  private async subscribe(route: Route): Promise<void> {
    const { fetch } = this.options;
    const consumer = this.kafka.consumer({
      groupId: route.consumer,
      allowAutoTopicCreation: false,
      // After a crash (the broker gone longer than the retries) kafkajs restarts the consumer
      // after `maxRetryTime` at most, as a new member: the old one, whose leave failed, holds
      // the rejoin until its session expires, counted from the broker's restart.
      retry: { ...KAFKA_RETRY, retries: 5 },
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 3000,
      ...(fetch?.minBytes === undefined ? {} : { minBytes: fetch.minBytes }),
      ...(fetch?.maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs: fetch.maxWaitTimeInMs }),
    });
    this.consumers.push(consumer);
    const commits = new OffsetCommits(
      route.topic,
      consumer,
      this.options.commitIntervalMs ?? 1000,
      (error) => {
        this.log.warn(
          { topic: route.topic, error: String(error) },
          'could not commit offsets; the next batch or a second later tries again',
        );
      },
    );
    this.commits.set(consumer, commits);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void this.replaceCrashed(route, consumer, payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: route.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false, // OffsetCommits commits instead, fewer times
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrency ?? 3,
      eachBatch: (payload) => this.consumeBatch(route, payload, commits),
    });
    this.log.log({ topic: route.topic, groupId: route.consumer }, 'consuming');
  }

  /**
   * kafkajs restarts a consumer only after a retriable error. After any other — a bug in
   * this transport, or kafkajs' own (an idempotent producer used before it had its id once
   * threw a TypeError here) — the consumer stays stopped while the service looks healthy and
   * its group's lag only grows. A new consumer takes over instead, from the group's last
   * commit (the inbox absorbs what is redelivered).
   */
  private async replaceCrashed(route: Route, crashed: Consumer, error: Error): Promise<void> {
    this.log.error(
      { topic: route.topic, groupId: route.consumer, error: error.message },
      'consumer stopped by an error kafkajs does not restart from; starting a new one',
    );
    this.consumers = this.consumers.filter((consumer) => consumer !== crashed);
    this.commits.get(crashed)?.abandon();
    this.commits.delete(crashed);
    await crashed.disconnect().catch(() => undefined);
    for (;;) {
      await sleep(KAFKA_RETRY.maxRetryTime ?? 2000);
      if (this.isClosing()) return;
      try {
        await this.subscribe(route);
        return;
      } catch (failure) {
        this.log.warn(
          { topic: route.topic, error: String(failure) },
          'could not start the new consumer; trying again',
        );
      }
    }
  }

  private routeOf(topic: string, handler: MessageHandler): Route {
    const options = handlerOptions(topic, handler);
    const accepted = new Set(options.accepts.map((definition) => definition.type));
    const onTopic = EVENT_CATALOG.map(({ definition }) => definition).filter(
      (definition) => definition.topic === topic && !accepted.has(definition.type),
    );
    return {
      topic,
      handler,
      options,
      consumer: `${this.options.serviceName}.${topic}`,
      ignores: new Set(onTopic.map((definition) => definition.type)),
    };
  }

  private async consumeBatch(
    route: Route,
    payload: EachBatchPayload,
    commits: OffsetCommits,
  ): Promise<void> {
    const { batch } = payload;
    if (batch.isEmpty()) return;
    const { topic, handler, options } = route;
    this.metrics.consumed.inc({ topic }, batch.messages.length);
    const context = new KafkaEventContext([topic, batch.partition, route.consumer]);
    const run = (
      data: EventEnvelope | readonly EventEnvelope[],
      events: readonly EventEnvelope[],
      messages: readonly FetchedMessage[],
      mode: string,
    ) =>
      traceConsuming(
        route.consumer,
        () => consumedMessages(events, messages),
        () => this.invoke(handler, data, context, events, topic, mode),
      );
    const target: BatchTarget = {
      consumer: route.consumer,
      accepts: options.accepts,
      ignores: route.ignores,
      ignore: (_message, type) => {
        this.metrics.ignored.inc({ topic, type });
      },
      ...(options.batch
        ? { handleBatch: (events, messages) => run(events, events, messages, 'batch') }
        : {}),
      handleOne: (event, message) =>
        run(options.batch ? [event] : event, [event], [message], 'single'),
      deadLetter: async (letter) => {
        await this.publisher.publishDeadLetter(letter);
        this.metrics.deadLettered.inc({ topic, reason: letter.reason });
      },
      onRetry: (message, attempt, error) => {
        this.metrics.retried.inc({ topic });
        this.log.warn(
          { topic, offset: message.offset, attempt, error: String(error) },
          'handler failed; retrying',
        );
      },
      heartbeat: () => payload.heartbeat(),
    };
    await processBatch(
      batch.messages.map((message) => fetchedMessage(topic, batch.partition, message)),
      target,
      this.retryPolicy,
    );
    // A revoked partition is someone else's now; they resume from our last commit and the
    // inbox absorbs what we both handled.
    if (payload.isStale()) return;
    payload.resolveOffset(batch.lastOffset());
    await commits.processed(payload);
    this.metrics.consumerLag.set({ topic, partition: batch.partition }, Number(batch.offsetLag()));
  }

  private async invoke(
    handler: MessageHandler,
    data: EventEnvelope | readonly EventEnvelope[],
    context: KafkaEventContext,
    events: readonly EventEnvelope[],
    topic: string,
    mode: string,
  ): Promise<void> {
    const stopTimer = this.metrics.handlerDuration.startTimer({ topic, mode });
    // Nest's RPC exception layer turns a thrown error into an erroring Observable.
    const result: unknown = await handler(data, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    stopTimer();
    for (const [type, count] of countByType(events))
      this.metrics.processed.inc({ topic, type }, count);
  }
}

function handlerOptions(topic: string, handler: MessageHandler): EventHandlerOptions {
  const extras = handler.extras as Record<string, EventHandlerOptions | undefined> | undefined;
  const options = extras?.[EVENT_HANDLER_EXTRAS];
  if (!options) throw new Error(`handler for "${topic}" must be declared with @EventHandler`);
  return options;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Headers are only read when a message is dead-lettered: converting them lazily saves about
 * a microsecond per message, a twentieth of what the whole transport spends on one.
 */
function fetchedMessage(topic: string, partition: number, message: KafkaMessage): FetchedMessage {
  let headers: Record<string, string> | undefined;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    get headers() {
      return (headers ??= stringHeaders(message.headers));
    },
  };
}

/** What the consumer spans say of each message (`events[i]` was parsed from `messages[i]`). */
function consumedMessages(
  events: readonly EventEnvelope[],
  messages: readonly FetchedMessage[],
): ConsumedMessage[] {
  return messages.map((message, index) => ({
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    headers: message.headers,
    eventId: events[index]?.eventId ?? '',
    eventType: events[index]?.type ?? '',
  }));
}

/** One counter increment per type and batch: a labelled increment costs more than a sum. */
function countByType(events: readonly EventEnvelope[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { type } of events) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return result;
}
