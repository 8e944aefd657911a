import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The project's broker runner (same path from src/ and dist/).
const KAFKA_SCRIPT = path.resolve(__dirname, '../../../tools/kafka/kafka.sh');
const NODES = 3;

/**
 * A three-node KRaft cluster of tools/kafka/kafka.sh (`start --nodes 3`): every node a
 * broker and a controller, topics replicated 3 times with min.insync.replicas=2. Node I
 * (its Kafka node id) serves clients on `brokers[I - 1]`.
 */
export interface LocalKafkaCluster {
  readonly instance: string;
  readonly brokers: string[];
  /** Starts every node that is not running (a killed one comes back) and waits for all. */
  start(): Promise<void>;
  /** SIGKILL of one node: a crash, with no controlled shutdown and no flush. */
  kill(nodeId: number): Promise<void>;
  /** Stops every node and deletes the cluster's data. */
  remove(): Promise<void>;
}

/** A handle on the cluster instance `instance` (started by `pnpm stack:up --brokers 3`, say). */
export function localKafkaCluster(instance: string, firstPort: number): LocalKafkaCluster {
  const kafka = async (...args: string[]): Promise<void> => {
    await run('bash', [KAFKA_SCRIPT, ...args, '--name', instance]);
  };
  return {
    instance,
    brokers: Array.from({ length: NODES }, (_, node) => `127.0.0.1:${firstPort + 2 * node}`),
    start: () => kafka('start', '--port', String(firstPort), '--nodes', String(NODES)),
    kill: (nodeId) => kafka('kill', '--node', String(nodeId)),
    remove: () => kafka('clean'),
  };
}

/** Starts an empty cluster a test owns (any previous state of the instance is deleted). */
export async function startLocalKafkaCluster(
  instance: string,
  firstPort: number,
): Promise<LocalKafkaCluster> {
  const cluster = localKafkaCluster(instance, firstPort);
  await cluster.remove();
  await cluster.start();
  return cluster;
}

/** What finding a leader needs of a kafkajs Admin (so this library needs no Kafka client). */
export interface TopicMetadataSource {
  fetchTopicMetadata(request: { topics: string[] }): Promise<{
    topics: { name: string; partitions: { partitionId: number; leader: number }[] }[];
  }>;
}

/** The node id of the broker leading `partition` of `topic`. */
export async function partitionLeader(
  admin: TopicMetadataSource,
  topic: string,
  partition: number,
): Promise<number> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const leader = topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
  if (leader === undefined || leader < 0) throw new Error(`${topic}/${partition} has no leader`);
  return leader;
}

/**
 * The fault "the partition leader's broker crashes": finds the leader of `topic`/`partition`
 * and kills its node with SIGKILL. Returns the node and the time just before the signal
 * (bring the node back with `cluster.start()`).
 */
export async function killPartitionLeader(
  cluster: LocalKafkaCluster,
  admin: TopicMetadataSource,
  topic: string,
  partition: number,
): Promise<{ nodeId: number; killedAt: number }> {
  const nodeId = await partitionLeader(admin, topic, partition);
  const killedAt = Date.now();
  await cluster.kill(nodeId);
  return { nodeId, killedAt };
}
