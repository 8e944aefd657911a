import { deadLetterTopicOf, TOPICS } from '@kafka-commerce/events';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates every topic the events library declares, plus its dead-letter topic. Broker
 * auto-creation is off, so this is the only place topics come from. Existing topics are kept.
 * Replication is the cluster's (`default.replication.factor`, `min.insync.replicas`): 1 on a
 * single node, 3 with 2 in sync on the three-node clusters of tools/kafka and compose.
 */
export async function ensureTopics(
  brokers: readonly string[],
): Promise<{ created: string[]; replicas: number }> {
  const admin = new Kafka({
    clientId: 'kafka-commerce-tools',
    brokers: [...brokers],
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = Object.values(TOPICS).flatMap((topic) => [
      { topic: topic.name, numPartitions: topic.partitions },
      { topic: deadLetterTopicOf(topic.name), numPartitions: 1 },
    ]);
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    const { topics } = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
    const replicas = Math.min(...topics.flatMap((t) => t.partitions.map((p) => p.replicas.length)));
    return { created: missing.map((topic) => topic.topic), replicas };
  } finally {
    await admin.disconnect();
  }
}

export function describeTopics({ created, replicas }: { created: string[]; replicas: number }) {
  return `${created.length ? `created ${created.join(', ')}` : 'all present'} (${replicas} replicas)`;
}
