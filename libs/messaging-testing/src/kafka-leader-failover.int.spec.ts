import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { type TopicName } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import {
  killPartitionLeader,
  type LocalKafkaCluster,
  startLocalKafkaCluster,
  waitFor,
} from '@kafka-commerce/testing';
import { type Admin, ConfigResourceTypes } from 'kafkajs';
import { EFFECTS_POOL, effectsRecorder, HandlerScript } from './effects-recorder';
import {
  type ConsumerApp,
  createMessagingDatabase,
  createTopics,
  inTransaction,
  kafkaClient,
  rawSql,
  userEvent,
  startConsumerApp,
} from './messaging-test-kit';

// This suite kills a broker process, so it runs a cluster of its own with this machine's Java
// (tools/kafka/kafka.sh), whatever the run's back end.
const CLUSTER = { instance: 'failover', firstPort: 29300 };
const TOPIC = `failover-${randomUUID().slice(0, 8)}` as TopicName;
const SERVICE = `int-${randomUUID().slice(0, 8)}`;
const KEYS = Array.from({ length: 30 }, () => randomUUID());
const EVENTS = 900;
/**
 * Three events per transaction, on three keys: the relay's batches span partitions led by
 * different brokers, as the saga's do — kafkajs lost a partition of such a send when its
 * leader moved to a broker that had acknowledged the others (patches/kafkajs@2.2.4.patch).
 */
const EVENTS_PER_TRANSACTION = 3;
/** A transaction every 45 ms (~65 events/s): still writing while the cluster recovers. */
const PACE_MS = 45;
const KILLED_PARTITION = 0;

const describeWithJava = spawnSync('java', ['-version']).status === 0 ? describe : describe.skip;

let cluster: LocalKafkaCluster | undefined;
let db: Awaited<ReturnType<typeof createMessagingDatabase>> | undefined;
let consumer: ConsumerApp | undefined;
let admin: Admin | undefined;

async function setUp(): Promise<void> {
  cluster = await startLocalKafkaCluster(CLUSTER.instance, CLUSTER.firstPort);
  db = await createMessagingDatabase(`failover_${SERVICE.slice(4)}`);
  // When each effect was applied, to see the stall.
  await db.pool.query(
    'ALTER TABLE effects ADD applied_at timestamptz NOT NULL DEFAULT clock_timestamp()',
  );
  // The cluster's defaults: 3 replicas, min.insync.replicas=2.
  await createTopics(TOPIC, 3, cluster.brokers);
  admin = kafkaClient(cluster.brokers).admin();
  await admin.connect();
  consumer = await startConsumerApp({
    serviceName: SERVICE,
    databaseUrl: db.url,
    controllers: [effectsRecorder(TOPIC, `${SERVICE}.${TOPIC}`, new HandlerScript())],
    providers: [{ provide: EFFECTS_POOL, useValue: db.pool }],
    bootstrap: cluster.brokers,
    // A service's relay settings: its back-off while a leader is missing is part of recovery.
    relay: {},
  });
}

async function tearDown(): Promise<void> {
  await consumer?.stop();
  await admin?.disconnect();
  await db?.pool.end();
  await cluster?.remove();
}

describeWithJava('the partition leader crashes (kill -9) under a stream of events', () => {
  beforeAll(setUp, 180_000);
  afterAll(tearDown, 120_000);

  it('loses no event and applies none twice; the stream flows again on the other brokers', async () => {
    const kafka = admin!;
    expect(await replicationOf(kafka)).toEqual({ replicas: [3, 3, 3], minInsync: '2' });
    const written: string[] = [];
    const writing = writeStream(written);
    await appliedCount(EVENTS / 3);

    const { nodeId, killedAt } = await killPartitionLeader(
      cluster!,
      kafka,
      TOPIC,
      KILLED_PARTITION,
    );
    // Events from here on were written after the node was dead.
    const writtenAtKill = written.length;
    await writing;
    await appliedCount(EVENTS, 120_000);
    const drainedMs = Date.now() - killedAt;

    const restarting = Date.now();
    await cluster!.start();
    await waitFor(async () => ((await inSyncReplicas(kafka)) === 9 ? true : undefined), {
      timeoutMs: 60_000,
      description: 'the restarted node back in every ISR',
    });
    const rejoinedMs = Date.now() - restarting;

    const flow = await flowAfter(killedAt, writtenAtKill);
    const logged = await messagesInLog(kafka);
    process.stdout.write(
      `leader of ${TOPIC}/${KILLED_PARTITION} (node ${nodeId}) killed after ` +
        `${writtenAtKill} of ${EVENTS} events written; first event written after the kill ` +
        `applied ${flow.firstAfterKillMs} ms after it; longest pause between effects ` +
        `${flow.longestGapMs} ms; all ${EVENTS} applied ${drainedMs} ms after the kill; ` +
        `messages in the log ${logged} (${logged - EVENTS} published twice, deduplicated by ` +
        `the inbox); node ${nodeId} restarted and back in every ISR in ${rejoinedMs} ms\n`,
    );

    const effects = await appliedEffects();
    expect(effects).toHaveLength(EVENTS);
    expect(new Set(effects.map((effect) => effect.event_id)).size).toBe(EVENTS);
    expect(effects.map((effect) => effect.event_id).sort()).toEqual([...written].sort());
    for (const key of KEYS) {
      const labels = effects.filter((effect) => effect.message_key === key).map((e) => e.label);
      expect(labels).toEqual([...labels].sort());
    }
  }, 300_000);
});

/** Appends EVENTS events through the outbox, a few per transaction, round-robin over KEYS. */
async function writeStream(written: string[]): Promise<void> {
  const outbox = new Outbox();
  for (let first = 0; first < EVENTS; first += EVENTS_PER_TRANSACTION) {
    const events = Array.from({ length: EVENTS_PER_TRANSACTION }, (_, offset) => {
      const sequence = first + offset;
      const key = KEYS[sequence % KEYS.length]!;
      return userEvent(TOPIC, key, `e${String(sequence).padStart(4, '0')}`);
    });
    await inTransaction(db!.pool, (client) => outbox.append(rawSql(client), events));
    written.push(...events.map((event) => event.envelope.eventId));
    await pause(PACE_MS); // the stream's pace, not a wait for anything
  }
}

function appliedCount(count: number, timeoutMs = 60_000): Promise<number> {
  return waitFor(
    async () => {
      const { rows } = await db!.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM effects',
      );
      const applied = rows[0]?.n ?? 0;
      return applied >= count ? applied : undefined;
    },
    { timeoutMs, intervalMs: 50, description: `${count} effects applied` },
  );
}

function appliedEffects(): Promise<{ event_id: string; message_key: string; label: string }[]> {
  return db!.pool
    .query<{ event_id: string; message_key: string; label: string }>(
      'SELECT event_id, message_key, label FROM effects ORDER BY seq',
    )
    .then((result) => result.rows);
}

/**
 * When the stream flowed again after the kill: the first effect of an event written after
 * it, and the longest pause between two consecutive effects from the kill on.
 */
async function flowAfter(
  killedAt: number,
  writtenAtKill: number,
): Promise<{ firstAfterKillMs: number; longestGapMs: number }> {
  const { rows } = await db!.pool.query<{ first: number; gap: number }>(
    `WITH after AS (
       SELECT label, extract(epoch FROM applied_at)::float8 * 1000 AS at FROM effects
       WHERE applied_at >= to_timestamp($1::float8 / 1000)
     ), gaps AS (SELECT at - lag(at) OVER (ORDER BY at) AS gap FROM after)
     SELECT (SELECT min(at) FROM after WHERE substr(label, 2)::int >= $2::int) - $1::float8 AS first,
            greatest((SELECT min(at) FROM after) - $1::float8, (SELECT max(gap) FROM gaps)) AS gap`,
    [killedAt, writtenAtKill],
  );
  const row = rows[0]!;
  return { firstAfterKillMs: Math.round(row.first), longestGapMs: Math.round(row.gap) };
}

/**
 * Replicas per partition and min.insync.replicas of the topic. A broker answers for a new
 * topic once its metadata has it, and each answers on its own schedule: ask until one does.
 */
function replicationOf(kafka: Admin): Promise<{ replicas: number[]; minInsync: string }> {
  return waitFor(
    async () => {
      const { topics } = await kafka.fetchTopicMetadata({ topics: [TOPIC] });
      const { resources } = await kafka.describeConfigs({
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: TOPIC, configNames: ['min.insync.replicas'] },
        ],
        includeSynonyms: false,
      });
      const minInsync = resources[0]?.configEntries[0]?.configValue;
      const replicas = topics[0]?.partitions.map((partition) => partition.replicas.length);
      return minInsync === undefined || !replicas ? undefined : { replicas, minInsync };
    },
    { description: `the replication of ${TOPIC}` },
  );
}

async function inSyncReplicas(kafka: Admin): Promise<number> {
  const { topics } = await kafka.fetchTopicMetadata({ topics: [TOPIC] });
  return topics[0]!.partitions.reduce((sum, partition) => sum + partition.isr.length, 0);
}

/** Messages the topic holds: offsets count every message written (no transactions here). */
async function messagesInLog(kafka: Admin): Promise<number> {
  const offsets = await kafka.fetchTopicOffsets(TOPIC);
  return offsets.reduce(
    (sum, partition) => sum + Number(partition.high) - Number(partition.low),
    0,
  );
}
