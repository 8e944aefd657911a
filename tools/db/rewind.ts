import { type Admin, Kafka, logLevel } from 'kafkajs';
import { type ServiceSpec } from '../stack/services';

export interface PartitionRewind {
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

export interface TopicRewind {
  readonly groupId: string;
  readonly topic: string;
  readonly partitions: readonly PartitionRewind[];
}

export interface RewindReport {
  readonly groups: readonly TopicRewind[];
  /** Partitions whose log now starts after `to`: what retention deleted is lost to the service. */
  readonly warnings: readonly string[];
}

/**
 * Moves every consumer group of a service (`<service>.<topic>`, see libs/messaging) back to
 * the first offset at or after `to` on each partition it has committed, so the service reads
 * again what came after its restored backup. Never moves a group forward: a group that was
 * behind at that time stays where it is. The groups must be empty (the service stopped).
 */
export async function rewindConsumerGroups(
  brokers: readonly string[],
  service: ServiceSpec,
  to: Date,
  options: { readonly dryRun?: boolean } = {},
): Promise<RewindReport> {
  return withAdmin(brokers, async (admin) => {
    const groupIds = await serviceGroups(admin, service);
    await refuseLiveMembers(admin, service, groupIds);
    const groups: TopicRewind[] = [];
    const warnings: string[] = [];
    for (const groupId of groupIds) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const plan = await planTopic(admin, topic, partitions, to);
        warnings.push(...plan.warnings.map((warning) => `${groupId}: ${warning}`));
        // kafkajs commits through a short-lived, paused member of the group and returns after
        // its first fetch wait: about 5 s per group and topic.
        if (!options.dryRun && plan.partitions.length > 0)
          await admin.setOffsets({
            groupId,
            topic,
            partitions: plan.partitions.map(({ partition, to: offset }) => ({
              partition,
              offset: String(offset),
            })),
          });
        groups.push({ groupId, topic, partitions: plan.partitions });
      }
    }
    return { groups, warnings };
  });
}

/** Live members of the service's consumer groups (0 once every instance has left). */
export async function liveMembers(
  brokers: readonly string[],
  service: ServiceSpec,
): Promise<number> {
  return withAdmin(brokers, async (admin) => {
    const groupIds = await serviceGroups(admin, service);
    if (groupIds.length === 0) return 0;
    const { groups } = await admin.describeGroups(groupIds);
    return groups.reduce((sum, group) => sum + group.members.length, 0);
  });
}

/** Messages on the service's topics its groups have not committed yet. */
export async function consumerLag(
  brokers: readonly string[],
  service: ServiceSpec,
): Promise<number> {
  return withAdmin(brokers, async (admin) => {
    let lag = 0;
    for (const groupId of await serviceGroups(admin, service)) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const end = ends.find((candidate) => candidate.partition === partition);
          if (!end) continue;
          const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
          lag += Number(end.high) - from;
        }
      }
    }
    return lag;
  });
}

async function withAdmin<T>(
  brokers: readonly string[],
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    clientId: 'kafka-commerce-rewind',
    brokers: [...brokers],
    // Failures reach the caller as errors; kafkajs' own retry log would only repeat them.
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect().catch((error: unknown) => {
    throw new Error(`cannot reach Kafka at ${brokers.join(',')}: ${String(error)}`);
  });
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

async function serviceGroups(admin: Admin, service: ServiceSpec): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups
    .map((group) => group.groupId)
    .filter((groupId) => groupId.startsWith(`${service.name}.`))
    .sort();
}

/** kafkajs refuses to set offsets of a group with members; say which and why. */
async function refuseLiveMembers(
  admin: Admin,
  service: ServiceSpec,
  groupIds: readonly string[],
): Promise<void> {
  if (groupIds.length === 0) return;
  const { groups } = await admin.describeGroups([...groupIds]);
  const live = groups.filter((group) => group.members.length > 0);
  if (live.length === 0) return;
  const described = live
    .map((group) => `${group.groupId} (${group.members.length} member(s), ${group.state})`)
    .join(', ');
  throw new Error(
    `consumer groups still have live members: ${described}. Stop every instance of ${service.name} first; a killed instance's member leaves once its session times out (10 s).`,
  );
}

async function planTopic(
  admin: Admin,
  topic: string,
  committed: readonly PartitionOffset[],
  to: Date,
): Promise<{ partitions: PartitionRewind[]; warnings: string[] }> {
  return planPartitions(
    topic,
    to,
    committed,
    await admin.fetchTopicOffsetsByTimestamp(topic, to.getTime()),
    await admin.fetchTopicOffsets(topic),
  );
}

interface PartitionOffset {
  readonly partition: number;
  readonly offset: string;
}

/**
 * Where each partition a group has committed goes: to the first offset at or after `to`
 * (`atTime`), never forward, and a warning when the log now starts at that point, since
 * retention may have deleted messages after `to`. Uncommitted partitions are left alone: the
 * service never read them, and will read them from the start.
 */
export function planPartitions(
  topic: string,
  to: Date,
  committed: readonly PartitionOffset[],
  atTime: readonly PartitionOffset[],
  watermarks: readonly { partition: number; low: string }[],
): { partitions: PartitionRewind[]; warnings: string[] } {
  const targets = offsetsByPartition(atTime);
  const partitions: PartitionRewind[] = [];
  const warnings: string[] = [];
  for (const { partition, offset } of committed) {
    const from = Number(offset);
    const target = targets.get(partition);
    if (from < 0 || target === undefined) continue;
    partitions.push({ partition, from, to: Math.min(from, target) });
    const low = Number(watermarks.find((p) => p.partition === partition)?.low ?? 0);
    if (low > 0 && target <= low)
      warnings.push(
        `${topic}[${partition}] starts at offset ${low} (older messages deleted by retention); any of them newer than ${to.toISOString()} are lost`,
      );
  }
  return { partitions, warnings };
}

function offsetsByPartition(offsets: readonly PartitionOffset[]): Map<number, number> {
  return new Map(offsets.map(({ partition, offset }) => [partition, Number(offset)]));
}
