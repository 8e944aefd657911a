import { randomUUID } from 'node:crypto';
import { createEvent, userRegisteredV1, userRegisteredV1Fixture } from '@kafka-commerce/events';
import {
  createKafkaClient,
  createTopicsWithLeaders,
  eventHeaders,
} from '@kafka-commerce/messaging';
import { type Kafka, logLevel, type Message, Partitioners } from 'kafkajs';
import { KAFKA_CLIENT_OVERRIDES } from './scenarios/scenario';

const PRODUCE_BATCH = 1000;

/**
 * A fresh broker creates the topics behind its group and transaction coordinators on first
 * use and answers "coordinator not available / loading" until they are up. kafkajs retries,
 * but logs every attempt as an error; waiting for both here, with a quiet client, keeps the
 * bench's output to real problems.
 */
export async function awaitCoordinators(brokers: readonly string[]): Promise<void> {
  const kafka = createKafkaClient(
    { clientId: 'bench-setup', brokers },
    { ...KAFKA_CLIENT_OVERRIDES, logLevel: logLevel.NOTHING },
  );
  // An idempotent producer gets its id from the transaction coordinator when it connects.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.disconnect();
  await withAdmin(kafka, (admin) => admin.describeGroups(['bench-setup']));
}

export async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    const created = await createTopicsWithLeaders(admin, [
      { topic, numPartitions: partitions, replicationFactor: 1 },
    ]);
    if (!created) throw new Error(`topic ${topic} already exists`);
  });
}

/**
 * Produces `count` real user.registered envelopes (each with its own user, so its own key)
 * with the headers the outbox relay sets, in sends of 1000, acknowledged by all replicas.
 */
export async function produceEvents(kafka: Kafka, topic: string, count: number): Promise<void> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const correlationId = randomUUID();
    for (let start = 0; start < count; start += PRODUCE_BATCH) {
      const messages: Message[] = [];
      for (let index = start; index < Math.min(count, start + PRODUCE_BATCH); index++) {
        const event = createEvent(
          userRegisteredV1,
          {
            ...userRegisteredV1Fixture,
            userId: randomUUID(),
            email: `bench-${index}@example.com`,
            username: `bench-${index}`,
          },
          { producer: 'bench', correlationId },
        );
        messages.push({
          key: event.key,
          value: JSON.stringify(event.envelope),
          headers: eventHeaders(event.envelope),
        });
      }
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Messages per partition (high watermark minus log start). */
export async function countMessages(kafka: Kafka, topic: string): Promise<number[]> {
  return withAdmin(kafka, async (admin) => {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets
      .sort((a, b) => a.partition - b.partition)
      .map((offset) => Number(offset.high) - Number(offset.low));
  });
}

async function withAdmin<T>(
  kafka: Kafka,
  work: (admin: ReturnType<Kafka['admin']>) => Promise<T>,
): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
