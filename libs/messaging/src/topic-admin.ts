import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, type ITopicConfig } from 'kafkajs';

/** What brokers answer about a topic whose partitions are not all led and served yet. */
const NOT_YET_LED = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
]);

/**
 * Creates topics and returns once every partition of each has a leader that serves it;
 * resolves false when they all existed already (kafkajs' own answer).
 *
 * kafkajs' `waitForLeaders` is not used: it asks one broker for the new topics' metadata and
 * retries only on LEADER_NOT_AVAILABLE, but on a KRaft cluster that broker may not know the
 * topic yet and answers UNKNOWN_TOPIC_OR_PARTITION, which kafkajs rethrows (seen on a
 * three-node cluster). And a leader named in the metadata may not serve its partition yet:
 * a single broker answered NOT_LEADER_FOR_PARTITION to the first ListOffsets of a topic
 * just created. So "ready" here is: every partition has a leader in the metadata, and each
 * topic's offsets can be read from its leaders; until then, each of those answers means
 * "not yet", whichever broker gives it.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  timeoutMs = 30_000,
): Promise<boolean> {
  const created = await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  const deadline = Date.now() + timeoutMs;
  while (!(await everyPartitionServed(admin, names))) {
    if (Date.now() > deadline) {
      throw new Error(`no leader for every partition of ${names.join(', ')} after ${timeoutMs} ms`);
    }
    await sleep(100);
  }
  return created;
}

async function everyPartitionServed(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    const led = metadata.topics.every(
      (topic) =>
        topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
    );
    if (!led) return false;
    // ListOffsets goes to each partition's leader.
    for (const topic of topics) await admin.fetchTopicOffsets(topic);
    return true;
  } catch (error) {
    if (isNotYetLed(error)) return false;
    throw error;
  }
}

/** The broker's answer, thrown as it is or, once kafkajs' retries ran out, as their cause. */
function isNotYetLed(error: unknown): boolean {
  const { type, cause } = (error ?? {}) as { type?: string; cause?: { type?: string } };
  return NOT_YET_LED.has(type ?? cause?.type ?? '');
}
