import { TOPICS } from '@kafka-commerce/events';
import { killPartitionLeader, localKafkaCluster, waitFor } from '@kafka-commerce/testing';
import { type Admin } from 'kafkajs';
import { type FaultStack } from '../fault-stack';
import { type Scenario, ScenarioSkipped } from '../scenario';
import { faultLoad, PLENTY } from './plans';

/** The partition whose leader dies: the first of the topic every order starts on. */
const TOPIC = TOPICS.orders.name;
const PARTITION = 0;

export const partitionLeaderKilled: Scenario = {
  name: 'partition-leader-killed',
  title: `kill -9 of the broker leading ${TOPIC}/${PARTITION} mid-load, started again (--brokers 3)`,
  quick: false,
  async run({ stack, fixture, load, quick, note, atQuiescence }) {
    const { kafka } = stack.profile;
    if (kafka.external || kafka.nodes !== 3)
      throw new ScenarioSkipped('needs the three-broker cluster: pnpm test:faults --brokers 3');
    const cluster = localKafkaCluster(kafka.instance, kafka.port);
    const admin = stack.kafka().admin();
    await admin.connect();
    let killedAt = 0;
    try {
      await load(await fixture(PLENTY), faultLoad(quick), async () => {
        const killed = await killPartitionLeader(cluster, admin, TOPIC, PARTITION);
        killedAt = killed.killedAt;
        // The load goes on against the two survivors while the node is away.
        await waitFor(() => settledSince(stack, killedAt), {
          timeoutMs: 60_000,
          description: 'an order placed after the kill to settle',
        });
        await cluster.start();
        const rejoined = await waitFor(() => everyReplicaInSync(admin), {
          timeoutMs: 60_000,
          description: `node ${killed.nodeId} back in every in-sync replica set`,
        });
        note(
          `node ${killed.nodeId} (leader of ${TOPIC}/${PARTITION}) killed; started again, ` +
            `back in every ISR ${Math.round((rejoined - killedAt) / 1000)} s after the kill`,
        );
      });
    } finally {
      await admin.disconnect();
    }
    atQuiescence(async () => {
      note(await settleTimes(stack, killedAt));
    });
  },
};

/** The time of day once an order created after `since` is no longer PENDING. */
async function settledSince(stack: FaultStack, since: number): Promise<number | undefined> {
  const [row] = await stack.query<{ n: number }>(
    'order-service',
    `SELECT count(*)::int AS n FROM orders
     WHERE created_at > to_timestamp($1::float8 / 1000) AND status <> 'PENDING'`,
    [since],
  );
  return row && row.n > 0 ? Date.now() : undefined;
}

async function everyReplicaInSync(admin: Admin): Promise<number | undefined> {
  const { topics } = await admin.fetchTopicMetadata({
    topics: Object.values(TOPICS).map((topic) => topic.name),
  });
  const lagging = topics.some((topic) =>
    topic.partitions.some((partition) => partition.isr.length < partition.replicas.length),
  );
  return lagging ? undefined : Date.now();
}

/**
 * How long orders took from placed to settled, before the kill and in the 20 s after it:
 * the stall is the election of new leaders for the dead node's partitions.
 */
async function settleTimes(stack: FaultStack, killedAt: number): Promise<string> {
  const rows = await stack.query<{ window: string; n: number; p50: number; max: number }>(
    'order-service',
    `SELECT CASE WHEN created_at < to_timestamp($1::float8 / 1000) THEN 'before' ELSE 'after' END
              AS window,
            count(*)::int AS n,
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::int AS p50,
            max(ms)::int AS max
     FROM (SELECT created_at, extract(epoch FROM updated_at - created_at) * 1000 AS ms
           FROM orders WHERE status = 'CONFIRMED'
             AND created_at BETWEEN to_timestamp($1::float8 / 1000) - interval '20 seconds'
                                AND to_timestamp($1::float8 / 1000) + interval '20 seconds') o
     GROUP BY 1 ORDER BY 1 DESC`,
    [killedAt],
  );
  const describe = ({ window, n, p50, max }: (typeof rows)[number]) =>
    `${n} orders placed in the 20 s ${window} the kill: placed→confirmed p50 ${p50} ms, ` +
    `slowest ${max} ms`;
  return rows.map(describe).join('; ');
}
