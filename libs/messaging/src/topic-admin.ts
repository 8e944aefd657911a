import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, type ITopicConfig } from 'kafkajs';

/** Errors a broker answers for a topic its metadata does not have leaders for yet. */
const NOT_YET_LED = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates topics and returns once every partition of each has a leader; resolves false when
 * they all existed already (kafkajs' own answer).
 *
 * kafkajs' `waitForLeaders` is not used: it asks one broker for the new topics' metadata and
 * retries only on LEADER_NOT_AVAILABLE, but on a KRaft cluster that broker may not know the
 * topic yet and answers UNKNOWN_TOPIC_OR_PARTITION, which kafkajs rethrows (seen on a
 * three-node cluster). Here both answers mean "not yet", whichever broker gives them.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  timeoutMs = 30_000,
): Promise<boolean> {
  const created = await admin.createTopics({ topics, waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  const deadline = Date.now() + timeoutMs;
  while (!(await everyPartitionLed(admin, names))) {
    if (Date.now() > deadline) {
      throw new Error(`no leader for every partition of ${names.join(', ')} after ${timeoutMs} ms`);
    }
    await sleep(100);
  }
  return created;
}

async function everyPartitionLed(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    return metadata.topics.every(
      (topic) =>
        topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
    );
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
