import { type TopicName } from '@kafka-commerce/events';
import { type MessagingOptions } from '@kafka-commerce/messaging';
import { resolveTestBackend, startTestBroker, type TestBroker } from '@kafka-commerce/testing';
import { EFFECTS_POOL, effectsRecorder, HandlerScript } from './effects-recorder';
import {
  type ConsumerApp,
  createMessagingDatabase,
  createTopics,
  startConsumerApp,
} from './messaging-test-kit';

/** What a suite that stops its broker works with. */
export interface OwnBrokerConsumer {
  readonly broker: TestBroker;
  readonly db: Awaited<ReturnType<typeof createMessagingDatabase>>;
  readonly consumer: ConsumerApp;
  /** Stops the consumer, closes the database pool and removes the broker. */
  close(): Promise<void>;
}

/**
 * A broker of the suite's own (on the run's back end: stopping it touches no other suite), a
 * fresh database, the topic, and a consumer app recording the topic's events as effects.
 */
export async function startOwnBrokerConsumer(options: {
  readonly broker: { readonly name: string; readonly localPort: number };
  readonly topic: TopicName;
  readonly serviceName: string;
  readonly relay?: MessagingOptions['relay'];
}): Promise<OwnBrokerConsumer> {
  const { topic, serviceName } = options;
  const broker = await startTestBroker(await resolveTestBackend(process.env), options.broker);
  const db = await createMessagingDatabase(`${options.broker.name}_${serviceName.slice(4)}`);
  await createTopics(topic, 3, broker.brokers);
  const consumer = await startConsumerApp({
    serviceName,
    databaseUrl: db.url,
    controllers: [effectsRecorder(topic, `${serviceName}.${topic}`, new HandlerScript())],
    providers: [{ provide: EFFECTS_POOL, useValue: db.pool }],
    bootstrap: broker.brokers,
    ...(options.relay === undefined ? {} : { relay: options.relay }),
  });
  return {
    broker,
    db,
    consumer,
    close: async () => {
      await consumer.stop();
      await db.pool.end();
      await broker.remove();
    },
  };
}
