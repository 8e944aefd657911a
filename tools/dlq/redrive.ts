import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { deadLetterTopicOf } from '@kafka-commerce/events';
import { type Admin, Kafka, KafkaJSError, logLevel } from 'kafkajs';
import {
  type PartitionStart,
  type RedriveOptions,
  type RedrivePlan,
  type RedriveReport,
} from './redrive-model';
import { RedriveRun } from './redrive-run';

export type {
  PartitionProgress,
  ReasonCounts,
  RedriveItem,
  RedriveOptions,
  RedriveReport,
} from './redrive-model';

const COORDINATOR_TIMEOUT_MS = 30_000;

/** The consumer group whose committed offsets say how far the dead letters were re-driven. */
export function redriveGroupOf(topic: string): string {
  return `kafka-commerce.redrive.${topic}`;
}

/**
 * Republishes the dead letters of `<topic>.dlq` to the topic each failed on, from where the
 * last unfiltered run stopped up to the end of the dead-letter topic as it was when this run
 * started (messages dead-lettered meanwhile are left for the next run).
 *
 * Only an unfiltered, real run commits, in the group `kafka-commerce.redrive.<topic>`. A run
 * with a filter or `dryRun` starts at that group's position too, but in a throwaway group
 * that commits nothing and is deleted afterwards, so what it skipped (or only looked at) is
 * still pending for the next unfiltered run; a message a filtered run republished is then
 * republished once more, which consumers ignore because they deduplicate by eventId.
 */
export async function redrive(options: RedriveOptions): Promise<RedriveReport> {
  const plan = planOf(options);
  const kafka = new Kafka({
    clientId: 'kafka-commerce-redrive',
    brokers: [...options.brokers],
    // Errors reach the caller as exceptions; kafkajs would also log the ones it retries.
    // KAFKAJS_LOG_LEVEL=debug (read by kafkajs itself) shows everything when needed.
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await connect(admin, options.brokers);
  try {
    const topics = new Set(await admin.listTopics());
    if (!topics.has(plan.dlqTopic)) {
      throw new Error(`dead-letter topic "${plan.dlqTopic}" does not exist`);
    }
    const starts = await startPositions(admin, plan.dlqTopic, redriveGroupOf(plan.topic));
    const run = new RedriveRun(kafka, admin, plan, starts, topics, options);
    if (starts.every((start) => start.from >= start.end)) return run.report();
    if (plan.commits) await assertNoOtherRun(admin, plan);
    try {
      return await run.execute();
    } finally {
      if (!plan.commits) await deleteThrowawayGroup(admin, plan.groupId);
    }
  } finally {
    await admin.disconnect();
  }
}

function planOf(options: RedriveOptions): RedrivePlan {
  const filter = {
    ...(options.type === undefined ? {} : { type: options.type }),
    ...(options.key === undefined ? {} : { key: options.key }),
  };
  const commits = options.dryRun !== true && Object.keys(filter).length === 0;
  const group = redriveGroupOf(options.topic);
  return {
    topic: options.topic,
    dlqTopic: deadLetterTopicOf(options.topic),
    groupId: commits ? group : `${group}.adhoc-${randomUUID()}`,
    commits,
    filter,
  };
}

async function connect(admin: Admin, brokers: readonly string[]): Promise<void> {
  try {
    await admin.connect();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach Kafka at ${brokers.join(',')}: ${why}`);
  }
}

/** The re-drive group's committed offsets (or the earliest offsets), and today's ends. */
async function startPositions(
  admin: Admin,
  dlqTopic: string,
  groupId: string,
): Promise<PartitionStart[]> {
  const ends = await admin.fetchTopicOffsets(dlqTopic);
  const [committed] = await whenCoordinatorReady(() =>
    admin.fetchOffsets({ groupId, topics: [dlqTopic] }),
  );
  const committedBy = new Map(
    (committed?.partitions ?? []).map((entry) => [entry.partition, BigInt(entry.offset)]),
  );
  return ends
    .map(({ partition, low, high }) => {
      const position = committedBy.get(partition) ?? -1n;
      // Nothing committed (-1), or retention removed what it pointed at: start at the earliest.
      const from = position >= BigInt(low) ? position : BigInt(low);
      return { partition, from, end: BigInt(high) };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Two runs in one group would split the partitions, and each would wait for the other's. */
async function assertNoOtherRun(admin: Admin, plan: RedrivePlan): Promise<void> {
  const { groups } = await whenCoordinatorReady(() => admin.describeGroups([plan.groupId]));
  const members = groups[0]?.members.length ?? 0;
  if (members > 0) {
    throw new Error(
      `another re-drive of ${plan.topic} is running (group ${plan.groupId} has ${members} member(s)); ` +
        'if one was killed, its membership expires within 30s',
    );
  }
}

/**
 * Group calls fail with a retriable error while the broker's offsets topic is still loading
 * (just after it starts, or after a coordinator moves); kafkajs' admin does not retry them.
 */
async function whenCoordinatorReady<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + COORDINATOR_TIMEOUT_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof KafkaJSError && error.retriable) || Date.now() + delay > deadline) {
        throw error;
      }
      await sleep(delay);
    }
  }
}

async function deleteThrowawayGroup(admin: Admin, groupId: string): Promise<void> {
  try {
    await whenCoordinatorReady(() => admin.deleteGroups([groupId]));
  } catch {
    // Only tidiness: the broker expires an empty group's offsets by itself, and the name is
    // never reused. Failing here would hide the run's real outcome.
  }
}
