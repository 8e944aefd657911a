import { randomUUID } from 'node:crypto';
import {
  type DynamicModule,
  type INestMicroservice,
  type Provider,
  type Type,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  createEvent,
  deadLetterTopicOf,
  type OutgoingEvent,
  userRegisteredV1,
  type UserRegisteredV1,
} from '@kafka-commerce/events';
import {
  createTopicsWithLeaders,
  KafkaEventServer,
  MESSAGING_TABLES_SQL,
  MessagingLifecycle,
  MessagingModule,
  type MessagingOptions,
  type RawSqlClient,
  type RetryPolicy,
} from '@kafka-commerce/messaging';
import { waitFor } from '@kafka-commerce/testing';
import { Kafka, logLevel, Partitioners, type KafkaMessage, type Message } from 'kafkajs';
import { Client, Pool, type PoolClient } from 'pg';
import { Registry } from 'prom-client';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export function brokers(): string[] {
  const given = process.env.KAFKA_BROKERS;
  if (!given) throw new Error('KAFKA_BROKERS is not set: run through jest.int.config.js');
  return given.split(',');
}

export function kafkaClient(bootstrap: readonly string[] = brokers()): Kafka {
  return new Kafka({
    clientId: 'messaging-int-test',
    brokers: [...bootstrap],
    logLevel: logLevel.NOTHING,
  });
}

/** A fresh database with the messaging tables and an `effects` table the test handlers write. */
export async function createMessagingDatabase(name: string): Promise<{ url: string; pool: Pool }> {
  const database = `kc_msg_${name}_test`;
  const admin = new Client({ connectionString: `${POSTGRES_URL}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = `${POSTGRES_URL}/${database}`;
  const pool = new Pool({ connectionString: url, max: 5 });
  await pool.query(MESSAGING_TABLES_SQL);
  // Deliberately no unique constraint: a double effect must show up as a second row.
  await pool.query(`CREATE TABLE effects (
    seq BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL, message_key TEXT NOT NULL, label TEXT NOT NULL)`);
  return { url, pool };
}

/** The raw-SQL surface Outbox and Inbox need, over a plain pg connection. */
export function rawSql(client: PoolClient | Pool): RawSqlClient {
  return {
    $executeRawUnsafe: (query, ...values) =>
      client.query(query, values).then((result) => result.rowCount ?? 0),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) =>
      client.query(query, values).then((result) => result.rows as T),
  };
}

export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function createTopics(
  topic: string,
  partitions: number,
  bootstrap = brokers(),
): Promise<void> {
  const admin = kafkaClient(bootstrap).admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [
    { topic, numPartitions: partitions },
    { topic: deadLetterTopicOf(topic), numPartitions: 1 },
  ]);
  await admin.disconnect();
}

export interface ConsumerApp {
  readonly app: INestMicroservice;
  stop(): Promise<void>;
}

/** Boots the messaging layer with the given consumer controllers, as a service would. */
export async function startConsumerApp(options: {
  serviceName: string;
  databaseUrl: string;
  controllers: Type[];
  providers?: Provider[];
  retryPolicy?: Partial<RetryPolicy>;
  /** The relay's settings; tests default to a fast poll and a short back-off. */
  relay?: MessagingOptions['relay'];
  bootstrap?: readonly string[];
}): Promise<ConsumerApp> {
  const messaging: DynamicModule = MessagingModule.forRoot({
    serviceName: options.serviceName,
    brokers: options.bootstrap ?? brokers(),
    databaseUrl: options.databaseUrl,
    registry: new Registry(),
    retryPolicy: { baseDelayMs: 20, maxDelayMs: 200, ...options.retryPolicy },
    relay: options.relay ?? { pollIntervalMs: 200, maxBackoffMs: 1000 },
  });
  const moduleRef = await Test.createTestingModule({
    imports: [messaging],
    controllers: options.controllers,
    providers: options.providers ?? [],
  }).compile();
  const app = moduleRef.createNestMicroservice({ strategy: moduleRef.get(KafkaEventServer) });
  await app.listen();
  return {
    app,
    stop: async () => {
      await app.close();
      await moduleRef.get(MessagingLifecycle).close();
    },
  };
}

/** A valid user.registered event with a fresh id, keyed by `userId`, bound for `topic`. */
export function userEvent(
  topic: string,
  userId: string,
  username = 'someone',
): OutgoingEvent<'user.registered', UserRegisteredV1> {
  const event = createEvent(
    userRegisteredV1,
    {
      userId,
      email: `${username}-${userId.slice(0, 8)}@example.com`,
      username,
      source: 'api',
      registeredAt: new Date().toISOString(),
    },
    { producer: 'messaging-int-test', correlationId: randomUUID() },
  );
  return { ...event, topic };
}

export function toMessage(event: OutgoingEvent): Message {
  return { key: event.key, value: JSON.stringify(event.envelope) };
}

export async function produce(
  topic: string,
  messages: Message[],
  bootstrap = brokers(),
): Promise<void> {
  const producer = kafkaClient(bootstrap).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}

/** Reads a topic from the start, in a throwaway group, until `enough` says so. */
export async function readUntil(
  topic: string,
  enough: (messages: readonly KafkaMessage[]) => boolean,
): Promise<KafkaMessage[]> {
  const consumer = kafkaClient().consumer({ groupId: `reader-${randomUUID()}` });
  const seen: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      seen.push(message);
      return Promise.resolve();
    },
  });
  try {
    await waitFor(() => Promise.resolve(enough(seen) ? true : undefined), {
      description: `messages on ${topic}`,
    });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

export function header(message: KafkaMessage, name: string): string | undefined {
  return message.headers?.[name]?.toString();
}
