import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Admin, type Consumer as KafkaConsumer, Kafka, logLevel, Partitioners } from 'kafkajs';
import { startBroker, type Broker } from '../../bench/broker';
import { REPO_ROOT, resolveProfile } from '../../stack/profile';
import {
  type BrokerMode,
  type BrokerUnderTest,
  type Channel,
  channelName,
  CONNECT_TIMEOUT_MS,
  type ConnectedBroker,
  type Consumer,
  type Publisher,
  type Received,
} from './types';

/** The comparison's own runner instance, apart from bench (29692) and the test brokers. */
const INSTANCE = 'compare';
const PORT = 29792;
const PARTITIONS = 6;
/** How often processed offsets are committed (kafkajs' autoCommit would commit on its own). */
const COMMIT_EVERY_MS = 100;

export const kafkaBroker: BrokerUnderTest = {
  name: 'Kafka',
  async connect(log) {
    const broker = startKafka(log);
    try {
      const kafka = new Kafka({
        clientId: 'kc-compare',
        brokers: [...broker.brokers],
        connectionTimeout: CONNECT_TIMEOUT_MS,
        logLevel: logLevel.NOTHING,
        retry: { retries: 3 },
      });
      const admin = kafka.admin();
      await admin.connect();
      return connected(kafka, admin, broker);
    } catch (error) {
      broker.stop();
      throw error;
    }
  },
};

/** KAFKA_BROKERS when given (CI, the int suite); else a runner instance of our own. */
function startKafka(log: (line: string) => void): Broker {
  const profile = resolveProfile('bench', process.env);
  if (profile.kafka.external) return startBroker(profile, log);
  return startBroker(
    { ...profile, kafka: { external: false, instance: INSTANCE, port: PORT, nodes: 1 } },
    log,
  );
}

function connected(kafka: Kafka, admin: Admin, broker: Broker): ConnectedBroker {
  const mode: BrokerMode = {
    name: 'Kafka (acks=all, idempotent)',
    delivery: 'acked',
    durability: 'durable: on disk at ack (acks=all; fsync left to the OS, as Kafka does)',
    settings:
      `Kafka ${kafkaVersion()}, ${broker.description.replace('the bench', 'the comparison')}; kafkajs producer acks=-1 (all), idempotent, ` +
      `maxInFlightRequests=1, one producer per publisher, each send awaited; topic ${PARTITIONS} ` +
      `partitions, replication 1; consumer group, eachMessage, autoCommit off, processed offsets ` +
      `committed every ${COMMIT_EVERY_MS} ms and on close (never for unprocessed messages)`,
    orderingGuarantee: 'per partition (= per key), one consumer per partition in a group',
    open: (purpose) => openTopic(kafka, admin, purpose),
  };
  return {
    version: `Kafka ${kafkaVersion()}`,
    modes: [mode],
    serverPid: () => kafkaPid(broker),
    close: async () => {
      await admin.disconnect();
      broker.stop();
    },
  };
}

async function openTopic(kafka: Kafka, admin: Admin, purpose: string): Promise<Channel> {
  const topic = channelName(purpose);
  await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const assigned = new Map<string, number>();
  return {
    publisher: () => kafkaPublisher(kafka, topic),
    consume: (consumerId, handler) =>
      kafkaConsumer(kafka, topic, handler, (count) => assigned.set(consumerId, count)),
    ready: async (consumers, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      const counts = () => [...assigned.values()].filter((count) => count > 0);
      const total = () => counts().reduce((sum, count) => sum + count, 0);
      while (counts().length < consumers || total() !== PARTITIONS) {
        if (Date.now() > deadline) throw new Error(`group of ${topic} not balanced in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    remove: () => admin.deleteTopics({ topics: [topic] }),
  };
}

async function kafkaPublisher(kafka: Kafka, topic: string): Promise<Publisher> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return {
    publish: async (key, body) => {
      await producer.send({ topic, acks: -1, messages: [{ key, value: body }] });
    },
    close: () => producer.disconnect(),
  };
}

/** The group is the identity in Kafka (no consumer id): a restarted consumer rejoins it. */
async function kafkaConsumer(
  kafka: Kafka,
  topic: string,
  handler: (message: Received) => void,
  onAssigned: (partitions: number) => void,
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: topic, maxWaitTimeInMs: 200 });
  const acked = new Map<number, string>(); // partition → next offset to commit
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    onAssigned(Object.values(payload.memberAssignment).flat().length);
  });
  consumer.on(consumer.events.REBALANCING, () => {
    onAssigned(0);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let closing = false;
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      if (closing) return; // a late batch during disconnect: neither handled nor committed
      const next = String(BigInt(message.offset) + 1n);
      handler({ body: message.value?.toString() ?? '', ack: () => acked.set(partition, next) });
      await Promise.resolve();
    },
  });
  const commit = () => commitAcked(consumer, topic, acked);
  const timer = setInterval(() => void commit().catch(() => undefined), COMMIT_EVERY_MS);
  return {
    close: async () => {
      closing = true;
      clearInterval(timer);
      await commit().catch(() => undefined);
      await consumer.disconnect();
    },
  };
}

async function commitAcked(
  consumer: KafkaConsumer,
  topic: string,
  acked: Map<number, string>,
): Promise<void> {
  if (acked.size === 0) return;
  const offsets = [...acked].map(([partition, offset]) => ({ topic, partition, offset }));
  acked.clear();
  await consumer.commitOffsets(offsets);
}

function kafkaVersion(): string {
  const pom = readFileSync(path.join(REPO_ROOT, 'tools', 'kafka', 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown version';
}

/** The runner's JVM (its pid file), or whichever process listens on an external broker's port. */
function kafkaPid(broker: Broker): number | undefined {
  if (broker.managed) {
    const file = path.join(REPO_ROOT, '.stack', 'kafka', INSTANCE, 'broker.pid');
    return Number(readFileSync(file, 'utf8').trim()) || undefined;
  }
  const port = broker.brokers[0]?.split(':').at(-1);
  if (!port) return undefined;
  try {
    const listing = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    return Number(/pid=(\d+)/.exec(listing)?.[1]) || undefined;
  } catch {
    return undefined;
  }
}
