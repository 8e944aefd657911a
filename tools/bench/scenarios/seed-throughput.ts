import { EVENT_HEADERS } from '@kafka-commerce/events';
import { Inbox } from '@kafka-commerce/messaging';
import { Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { type BenchContext } from '../context';
import { withClient } from '../database';
import { FinishLine } from '../finish-line';
import { fixed, integer, type ScenarioReport, times } from '../report';
import { startRuntime } from './nest-runtime';
import {
  applyIdempotently,
  benchKafka,
  freshTopic,
  messageOf,
  register,
  registrationEvent,
} from './seed-path';
import { PARTITIONS_CONCURRENCY } from './scenario';

interface PathResult {
  readonly label: string;
  readonly events: number;
  /** From the first publish to the last event handled. */
  readonly seconds: number;
  /** From the first publish to the last publish acknowledged (committed, for ours). */
  readonly publishSeconds: number;
  readonly check: string;
}

/**
 * The seed's throughput test: `publishers` concurrent publishers × `eventsPerPublisher`
 * events, through the product's own path (use-case statement with outbox append → relay →
 * Kafka → runtime consumer with inbox, one transaction per batch), every event verified
 * processed exactly once in the consumer's database; against raw kafkajs producers → a raw
 * eachBatch consumer for the same number of events. Everything runs in this one process.
 */
export async function seedThroughput(
  bench: BenchContext,
  consumerDatabaseUrl: string,
): Promise<ScenarioReport> {
  const { publishers, eventsPerPublisher } = bench.sizes.seedThroughput;
  const total = publishers * eventsPerPublisher;
  const raw = await rawPath(bench, publishers, eventsPerPublisher);
  bench.log(`seed throughput: raw kafkajs ${integer(total / raw.seconds)} events/s`);
  const ours = await ourPath(bench, consumerDatabaseUrl, publishers, eventsPerPublisher);
  bench.log(`seed throughput: our path ${integer(total / ours.seconds)} events/s`);
  const rate = (result: PathResult) => result.events / result.seconds;
  return {
    id: 'seed-throughput',
    title: `seed throughput: ${publishers} publishers x ${integer(eventsPerPublisher)} events, publish -> handled`,
    notes: [
      'each publisher sends one event at a time: raw = one producer.send (acks=all) each; ours =',
      'one use-case statement (row + outbox append) each, relayed in batches by the outbox relay',
      'timed from the first publish to the last event handled; one run each, in one process',
    ],
    table: {
      header: ['path', 'events', 'published in s', 'handled in s', 'events/s', 'vs raw', 'check'],
      rows: [raw, ours].map((result) => [
        result.label,
        integer(result.events),
        fixed(result.publishSeconds, 2),
        fixed(result.seconds, 2),
        integer(rate(result)),
        times(rate(result) / rate(raw)),
        result.check,
      ]),
    },
    ratios: [
      { label: 'seed throughput: our path', value: rate(ours) / rate(raw), better: 'higher' },
    ],
    checks: [ours.check, raw.check],
    data: { publishers, eventsPerPublisher, raw, ours },
  };
}

async function rawPath(
  bench: BenchContext,
  publishers: number,
  eventsPerPublisher: number,
): Promise<PathResult> {
  const total = publishers * eventsPerPublisher;
  const topic = await freshTopic(bench, 'seed-raw');
  const kafka = benchKafka(bench, 'bench-seed-raw');
  const line = new FinishLine('seed throughput raw', total);
  const seen = new Set<string>();
  const consumer = kafka.consumer({ groupId: `bench-seed-raw.${topic}` });
  line.watch(consumer);
  const producers = Array.from({ length: publishers }, () =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    }),
  );
  try {
    await Promise.all(producers.map((producer) => producer.connect()));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS_CONCURRENCY,
      eachBatch: async ({ batch }) => {
        const before = seen.size;
        for (const message of batch.messages)
          seen.add(String(message.headers?.[EVENT_HEADERS.eventId]));
        line.add(seen.size - before);
        await Promise.resolve();
      },
    });
    await line.awaitJoin(bench.sizes.timeoutMs);
    const started = performance.now();
    await Promise.all(
      producers.map(async (producer) => {
        for (let index = 0; index < eventsPerPublisher; index++) {
          await producer.send({ topic, acks: -1, messages: [messageOf(registrationEvent(topic))] });
        }
      }),
    );
    const published = performance.now();
    const finished = await line.wait(bench.sizes.timeoutMs);
    return {
      label: 'raw kafkajs producers -> eachBatch (baseline)',
      events: total,
      seconds: (finished.finishedAt - started) / 1000,
      publishSeconds: (published - started) / 1000,
      check: `raw: ${integer(seen.size)} distinct event ids received`,
    };
  } finally {
    await consumer.disconnect();
    await Promise.all(producers.map((producer) => producer.disconnect()));
  }
}

async function ourPath(
  bench: BenchContext,
  consumerDatabaseUrl: string,
  publishers: number,
  eventsPerPublisher: number,
): Promise<PathResult> {
  const total = publishers * eventsPerPublisher;
  const topic = await freshTopic(bench, 'seed-ours');
  const serviceName = 'bench-seed';
  const consumerName = `${serviceName}.${topic}`;
  const writers = new Pool({ connectionString: bench.databaseUrl, max: publishers });
  const appliers = new Pool({ connectionString: consumerDatabaseUrl, max: PARTITIONS_CONCURRENCY });
  try {
    const run = await startRuntime(
      {
        brokers: bench.brokers,
        topic,
        events: total,
        databaseUrl: bench.databaseUrl,
        timeoutMs: bench.sizes.timeoutMs,
      },
      {
        label: 'seed throughput, our path',
        serviceName,
        batch: true,
        createHandler: (app) => {
          const inbox = app.get(Inbox);
          return (events) => applyIdempotently(appliers, inbox, consumerName, events);
        },
      },
    );
    let started: number;
    let published: number;
    let finishedAt: number;
    try {
      await run.line.awaitJoin(bench.sizes.timeoutMs);
      started = performance.now();
      await Promise.all(
        Array.from({ length: publishers }, async () => {
          for (let index = 0; index < eventsPerPublisher; index++) {
            await register(writers, registrationEvent(topic));
          }
        }),
      );
      published = performance.now();
      ({ finishedAt } = await run.line.wait(bench.sizes.timeoutMs));
    } finally {
      await run.close();
    }
    return {
      label: 'ours: statement + outbox -> relay -> Kafka -> runtime + inbox',
      events: total,
      seconds: (finishedAt - started) / 1000,
      publishSeconds: (published - started) / 1000,
      check: await verifyExactlyOnce(bench.databaseUrl, consumerDatabaseUrl, total),
    };
  } finally {
    await writers.end();
    await appliers.end();
  }
}

/**
 * Every event the use case committed has exactly one effect in the consumer's database: the
 * same count, no duplicate, and the same set of event ids (compared by a digest of each side).
 */
async function verifyExactlyOnce(
  producerUrl: string,
  consumerUrl: string,
  expected: number,
): Promise<string> {
  const digest = (table: string) => `
    SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct_ids,
           md5(string_agg(event_id::text, ',' ORDER BY event_id)) AS digest FROM ${table}`;
  type Side = { rows: number; distinct_ids: number; digest: string };
  const read = (url: string, table: string) =>
    withClient(url, async (client) => (await client.query<Side>(digest(table))).rows[0]);
  const written = await read(producerUrl, 'registrations');
  const applied = await read(consumerUrl, 'seed_effects');
  if (
    written?.rows !== expected ||
    applied?.rows !== expected ||
    applied.distinct_ids !== expected ||
    applied.digest !== written.digest
  ) {
    throw new Error(
      `seed throughput: expected ${expected} events each applied once; written ` +
        `${JSON.stringify(written)}, applied ${JSON.stringify(applied)}`,
    );
  }
  return `ours: ${integer(expected)} processed exactly once (distinct event ids in the consumer's database)`;
}
