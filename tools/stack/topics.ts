import { deadLetterTopicOf, TOPICS } from '@kafka-commerce/events';
import { createTopicsWithLeaders } from '@kafka-commerce/messaging';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates every topic the events library declares, plus its dead-letter topic. Broker
 * auto-creation is off, so this is the only place topics come from. Existing topics are kept.
 * Replication is the cluster's (`default.replication.factor`, `min.insync.replicas`): 1 on a
 * single node, 3 with 2 in sync on the three-node clusters of tools/kafka and compose.
 */
export async function ensureTopics(brokers: readonly string[]): Promise<string[]> {
  const admin = new Kafka({
    clientId: 'kafka-commerce-tools',
    brokers: [...brokers],
    // kafkajs logs each "not the leader yet" of a new topic as an error while
    // createTopicsWithLeaders waits those out; what really fails is thrown.
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = Object.values(TOPICS).flatMap((topic) => [
      { topic: topic.name, numPartitions: topic.partitions },
      { topic: deadLetterTopicOf(topic.name), numPartitions: 1 },
    ]);
    const missing = wanted.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) {
      await createTopicsWithLeaders(admin, missing);
    }
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}
