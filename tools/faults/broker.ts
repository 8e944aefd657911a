import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf, TOPICS } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { type Admin, type IHeaders, type KafkaMessage, Partitioners } from 'kafkajs';
import { type FaultStack } from './fault-stack';

export const BUSINESS_TOPICS: readonly string[] = Object.values(TOPICS).map((topic) => topic.name);

/** Groups this tool creates to read topics; they are not the stack's consumers. */
const OWN_GROUP_PREFIX = 'faults-reader-';

async function withAdmin<T>(stack: FaultStack, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = stack.kafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Messages on each dead-letter topic so far (its high watermarks; nothing is ever deleted). */
export function deadLetterCounts(stack: FaultStack): Promise<Map<string, number>> {
  return withAdmin(stack, async (admin) => {
    const counts = new Map<string, number>();
    for (const topic of BUSINESS_TOPICS) {
      const offsets = await admin.fetchTopicOffsets(deadLetterTopicOf(topic));
      counts.set(
        topic,
        offsets.reduce((sum, partition) => sum + Number(partition.high), 0),
      );
    }
    return counts;
  });
}

export interface Lag {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/** Every partition a stack consumer group has not consumed to its end. */
export function consumerLag(stack: FaultStack): Promise<Lag[]> {
  return withAdmin(stack, async (admin) => {
    const lags: Lag[] = [];
    const ends = new Map<string, Map<number, number>>();
    for (const topic of BUSINESS_TOPICS) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
    }
    for (const groupId of await stackGroups(admin)) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(topic)?.get(partition) ?? 0;
          const lag = end - Math.max(Number(offset), 0);
          if (lag > 0) lags.push({ group: groupId, topic, partition, lag });
        }
      }
    }
    return lags;
  });
}

async function stackGroups(admin: Admin): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups
    .map((group) => group.groupId)
    .filter((groupId) => !groupId.startsWith(OWN_GROUP_PREFIX));
}

/**
 * Rewinds every stack consumer group to offset 0 of every topic it has consumed. Kafka only
 * allows this while a group has no members, so the consumers must be stopped first.
 */
export function rewindAllGroups(stack: FaultStack): Promise<number> {
  return withAdmin(stack, async (admin) => {
    let rewound = 0;
    for (const groupId of await stackGroups(admin)) {
      for (const { topic } of await admin.fetchOffsets({ groupId })) {
        await waitFor(
          async () => {
            await admin.resetOffsets({ groupId, topic, earliest: true });
            return true;
          },
          { timeoutMs: 30_000, intervalMs: 500, description: `${groupId} to be empty and rewound` },
        );
        rewound++;
      }
    }
    return rewound;
  });
}

export interface RecordedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** Everything on `topics` up to their current ends, read in one throwaway group of this tool. */
export async function readTopics(
  stack: FaultStack,
  topics: readonly string[],
): Promise<RecordedMessage[]> {
  const remaining = new Map<string, number>(); // "<topic>/<partition>" → end offset
  await withAdmin(stack, async (admin) => {
    for (const topic of topics)
      for (const { partition, high } of await admin.fetchTopicOffsets(topic))
        if (Number(high) > 0) remaining.set(`${topic}/${partition}`, Number(high));
  });
  const records: RecordedMessage[] = [];
  if (remaining.size === 0) return records;
  const consumer = stack.kafka().consumer({ groupId: `${OWN_GROUP_PREFIX}${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const end = remaining.get(`${topic}/${partition}`);
        if (end !== undefined && Number(message.offset) < end) {
          records.push({ topic, partition, message });
          if (Number(message.offset) + 1 >= end) remaining.delete(`${topic}/${partition}`);
        }
        return Promise.resolve();
      },
    });
    await waitFor(() => Promise.resolve(remaining.size === 0 ? true : undefined), {
      timeoutMs: 60_000,
      description: `reading ${topics.join(', ')} to the end`,
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}

export interface OutgoingMessage {
  readonly key: string | null;
  readonly value: string | null;
  readonly partition?: number;
  readonly headers?: IHeaders;
}

/** Publishes as any producer could, including messages no well-behaved producer would. */
export async function produce(
  stack: FaultStack,
  topic: string,
  messages: readonly OutgoingMessage[],
): Promise<void> {
  const producer = stack.kafka().producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.slice(start, start + 500).map((m) => ({ ...m })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Why the messages dead-lettered since `since` were: "<consumer>: <reason> (<error>)" with
 * how many times each, read from the dead-letter headers.
 */
export async function deadLetterReasons(
  stack: FaultStack,
  since: ReadonlyMap<string, number>,
): Promise<Record<string, number>> {
  const reasons: Record<string, number> = {};
  const deadLetterTopics = BUSINESS_TOPICS.map((topic) => deadLetterTopicOf(topic));
  for (const { topic, message } of await readTopics(stack, deadLetterTopics)) {
    const source = BUSINESS_TOPICS.find((business) => deadLetterTopicOf(business) === topic) ?? '';
    if (Number(message.offset) < (since.get(source) ?? 0)) continue;
    const header = (name: string) => message.headers?.[name]?.toString() ?? '?';
    const why = `${header(DEAD_LETTER_HEADERS.consumer)}: ${header(DEAD_LETTER_HEADERS.reason)} (${header(DEAD_LETTER_HEADERS.error).replace(/\s+/g, ' ').slice(0, 160)})`;
    reasons[why] = (reasons[why] ?? 0) + 1;
  }
  return reasons;
}
