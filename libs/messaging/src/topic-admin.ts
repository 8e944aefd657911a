import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, type ITopicConfig, KafkaJSBrokerNotFound } from 'kafkajs';

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
 *
 * Creating waits too: just after a cluster starts, a broker's metadata can name as
 * controller a node its own broker list does not hold yet (the broker reads the two apart),
 * and kafkajs then gives up with KafkaJSBrokerNotFound before it sends the request (seen in
 * CI on the three-node cluster). Asked again a moment later, the broker knows the node.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  timeoutMs = 30_000,
): Promise<boolean> {
  const names = topics.map((topic) => topic.topic);
  const deadline = Date.now() + timeoutMs;
  const untilAnswered = async <T>(ask: () => Promise<T | undefined>, failure: string) => {
    for (;;) {
      const answer = await ask();
      if (answer !== undefined) return answer;
      if (Date.now() > deadline) {
        throw new Error(`${failure} ${names.join(', ')} after ${timeoutMs} ms`);
      }
      await sleep(100);
    }
  };
  const created = await untilAnswered(
    () => unlessNotYet(admin.createTopics({ topics, waitForLeaders: false })),
    'no controller to create',
  );
  await untilAnswered(() => everyPartitionServed(admin, names), 'no leader for every partition of');
  return created;
}

/** True once every partition of the topics is led and served, undefined until then. */
async function everyPartitionServed(admin: Admin, topics: string[]): Promise<true | undefined> {
  const metadata = await unlessNotYet(admin.fetchTopicMetadata({ topics }));
  const led = metadata?.topics.every(
    (topic) =>
      topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
  );
  if (!led) return undefined;
  // ListOffsets goes to each partition's leader.
  const offsets = await unlessNotYet(
    Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic))),
  );
  return offsets === undefined ? undefined : true;
}

/** The request's answer, or undefined when the cluster answered "not yet". */
async function unlessNotYet<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isNotYet(error)) return undefined;
    throw error;
  }
}

/** The broker's answer, thrown as it is or, once kafkajs' retries ran out, as their cause. */
function isNotYet(error: unknown): boolean {
  if (error instanceof KafkaJSBrokerNotFound) return true;
  const { type, cause } = (error ?? {}) as { type?: string; cause?: { type?: string } };
  return NOT_YET_LED.has(type ?? cause?.type ?? '');
}
