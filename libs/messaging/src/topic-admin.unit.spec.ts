import { type Admin, KafkaJSBrokerNotFound } from 'kafkajs';
import { createTopicsWithLeaders } from './topic-admin';

const TOPIC = { topic: 'orders', numPartitions: 2 };

/** kafkajs' typings give this error no constructor arguments; at run time it needs its message. */
const BrokerNotFound = KafkaJSBrokerNotFound as unknown as new (
  message: string,
) => KafkaJSBrokerNotFound;
const brokerNotFound = () => new BrokerNotFound('Broker 1 not found in the cached metadata');

function protocolError(type: string): Error {
  return Object.assign(new Error(`broker says ${type}`), { type });
}

/**
 * The part of a kafkajs admin that creating a topic drives. Each call takes the next scripted
 * answer for its method (an Error is thrown); once the script is used up, the cluster is ready.
 */
function clusterAnswering(script: { create?: unknown[]; metadata?: unknown[] }): {
  admin: Admin;
  creates: () => number;
} {
  const create = [...(script.create ?? [])];
  const metadata = [...(script.metadata ?? [])];
  let creates = 0;
  const answer = <T>(queue: unknown[], ready: T): Promise<T> => {
    const next = queue.length > 0 ? queue.shift() : ready;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as T);
  };
  const led = { topics: [{ name: TOPIC.topic, partitions: [{ leader: 1 }, { leader: 2 }] }] };
  const admin = {
    createTopics: () => {
      creates++;
      return answer(create, true);
    },
    fetchTopicMetadata: () => answer(metadata, led),
    fetchTopicOffsets: () => Promise.resolve([]),
  } as unknown as Admin;
  return { admin, creates: () => creates };
}

describe('createTopicsWithLeaders', () => {
  it('asks again when the broker names a controller its metadata does not hold yet', async () => {
    const cluster = clusterAnswering({
      create: [brokerNotFound()],
    });

    await expect(createTopicsWithLeaders(cluster.admin, [TOPIC])).resolves.toBe(true);
    expect(cluster.creates()).toBe(2);
  });

  it('waits until every partition has a leader', async () => {
    const leaderless = { topics: [{ name: TOPIC.topic, partitions: [{ leader: -1 }] }] };
    const cluster = clusterAnswering({
      metadata: [protocolError('UNKNOWN_TOPIC_OR_PARTITION'), leaderless],
    });

    await expect(createTopicsWithLeaders(cluster.admin, [TOPIC])).resolves.toBe(true);
  });

  it('answers false when the topics existed already', async () => {
    const cluster = clusterAnswering({ create: [false] });

    await expect(createTopicsWithLeaders(cluster.admin, [TOPIC])).resolves.toBe(false);
  });

  it('throws what is not a "not yet" at once', async () => {
    const cluster = clusterAnswering({ create: [protocolError('TOPIC_AUTHORIZATION_FAILED')] });

    await expect(createTopicsWithLeaders(cluster.admin, [TOPIC])).rejects.toThrow(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(cluster.creates()).toBe(1);
  });

  it('gives up after the timeout, naming the topics', async () => {
    const cluster = clusterAnswering({ create: Array.from({ length: 50 }, brokerNotFound) });

    await expect(createTopicsWithLeaders(cluster.admin, [TOPIC], 150)).rejects.toThrow(
      'no controller to create orders after 150 ms',
    );
  });
});
