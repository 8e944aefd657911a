import { Controller, type INestMicroservice, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AsyncMicroserviceOptions, type MicroserviceOptions } from '@nestjs/microservices';
import {
  type EventEnvelope,
  type TopicName,
  type UserRegisteredV1,
  userRegisteredV1,
} from '@kafka-commerce/events';
import {
  EventHandler,
  KAFKA_CLIENT,
  KafkaEventServer,
  MessagingLifecycle,
  MessagingModule,
} from '@kafka-commerce/messaging';
import { type Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { FinishLine, type Measurement } from '../finish-line';
import { decorateClass, decorateMethod } from './decorate';
import { PARTITIONS_CONCURRENCY, type ScenarioContext } from './scenario';

export type UserRegisteredEvent = EventEnvelope<'user.registered', UserRegisteredV1>;

/** The work of one handler call: one event, or a fetched batch's events with `batch: true`. */
export type EventsHandler = (events: readonly UserRegisteredEvent[]) => Promise<void> | void;

export interface RuntimeRunOptions {
  /** Names the errors of this run. */
  readonly label: string;
  /** MessagingModule's service name; the consumer group is `<serviceName>.<topic>`. */
  readonly serviceName: string;
  readonly batch: boolean;
  /** Builds the handler once the app exists, so it can use the app's providers. */
  readonly createHandler: (app: INestMicroservice) => EventsHandler;
}

/** A started runtime: its finish line counts what the handler has handled. */
export interface RuntimeRun {
  readonly line: FinishLine;
  readonly app: INestMicroservice;
  /** As a service stops: consumers first (batches in flight finish), then relay and producer. */
  close(): Promise<void>;
}

/**
 * Consumes the topic through the real runtime: a Nest microservice whose transport is the
 * library's KafkaEventServer (from MessagingModule, which also connects its producer and
 * starts the outbox relay on the context's database), with one `@EventHandler` controller
 * method. Returns once it listens; `line` knows when it has joined and finished.
 */
export async function startRuntime(
  context: ScenarioContext,
  options: RuntimeRunOptions,
): Promise<RuntimeRun> {
  const line = new FinishLine(options.label, context.events);
  let handle: EventsHandler | undefined;
  const controller = benchController(context.topic, options.batch, async (events) => {
    if (handle === undefined) throw new Error('handler called before the bench was ready');
    try {
      await handle(events);
    } catch (error) {
      line.fail(error);
      throw error;
    }
    line.add(events.length);
  });
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(
    benchModule(context, options.serviceName, controller),
    {
      logger: ['error', 'warn'],
      inject: [KafkaEventServer],
      useFactory: (server: KafkaEventServer): MicroserviceOptions => ({ strategy: server }),
    },
  );
  const lifecycle = app.get(MessagingLifecycle);
  const close = async (): Promise<void> => {
    await app.close();
    await lifecycle.close();
  };
  try {
    watchConsumers(app.get<Kafka>(KAFKA_CLIENT), line);
    handle = options.createHandler(app);
    await app.listen();
  } catch (error) {
    await close();
    throw error;
  }
  return { line, app, close };
}

/** Drains the topic through the runtime (see startRuntime), timed from the group join. */
export async function runOnRuntime(
  context: ScenarioContext,
  options: RuntimeRunOptions,
): Promise<Measurement> {
  const run = await startRuntime(context, options);
  try {
    return await run.line.wait(context.timeoutMs);
  } finally {
    await run.close();
  }
}

function benchModule(context: ScenarioContext, serviceName: string, controller: Type): Type {
  // Decorated by the call below (see decorate.ts), which the rule cannot see.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  class BenchModule {}
  decorateClass(
    BenchModule,
    Module({
      imports: [
        MessagingModule.forRoot({
          serviceName,
          brokers: context.brokers,
          databaseUrl: context.databaseUrl,
          registry: new Registry(),
          partitionsConcurrency: PARTITIONS_CONCURRENCY,
        }),
      ],
      controllers: [controller],
    }),
  );
  return BenchModule;
}

/** A controller with one `@EventHandler` method on the bench topic (known only at run time). */
function benchController(
  topic: string,
  batch: boolean,
  handle: (events: readonly UserRegisteredEvent[]) => Promise<void>,
): Type {
  class BenchController {
    handle(data: UserRegisteredEvent | readonly UserRegisteredEvent[]): Promise<void> {
      return handle(isEventList(data) ? data : [data]);
    }
  }
  decorateMethod(
    BenchController.prototype,
    'handle',
    EventHandler(topic as TopicName, { accepts: [userRegisteredV1], batch }),
  );
  decorateClass(BenchController, Controller());
  return BenchController;
}

function isEventList(
  data: UserRegisteredEvent | readonly UserRegisteredEvent[],
): data is readonly UserRegisteredEvent[] {
  return Array.isArray(data);
}

/**
 * Has every consumer the runtime creates report to the finish line. KafkaEventServer makes
 * its consumers inside `listen()`, from the app's Kafka client; wrapping that client's
 * factory before `listen()` is the only way to see their group join.
 */
function watchConsumers(kafka: Kafka, line: FinishLine): void {
  const createConsumer = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const consumer = createConsumer(config);
    line.watch(consumer);
    return consumer;
  };
}
