import { type OutgoingEvent } from '@kafka-commerce/events';
import { EventPublisher, Inbox } from '@kafka-commerce/messaging';
import { Pool } from 'pg';
import { type BenchContext } from '../context';
import {
  drive,
  latencyCells,
  LatencyProbe,
  type LatencySummary,
  summarizeLatency,
} from '../latency';
import { type ScenarioReport, times } from '../report';
import { startRuntime } from './nest-runtime';
import { rawRoundTrips } from './raw-round-trips';
import { applyIdempotently, freshTopic, messageOf, register, registrationEvent } from './seed-path';
import { PARTITIONS_CONCURRENCY } from './scenario';

interface Row {
  readonly label: string;
  /** For the chart. */
  readonly short: string;
  readonly latency: LatencySummary;
}

/**
 * The seed's latency test (it asks for < 1 ms): publish → handled at a low paced rate, for
 * raw kafkajs, for our transport with the inbox (the service's producer, no outbox) and for
 * the whole path with the outbox (statement with outbox append → NOTIFY → relay → Kafka →
 * runtime + inbox transaction).
 */
export async function seedLatency(
  bench: BenchContext,
  consumerDatabaseUrl: string,
): Promise<ScenarioReport> {
  const { ratePerSecond, seconds } = bench.sizes.seedLatency;
  const count = ratePerSecond * seconds;
  const raw = await rawRoundTrips(
    bench,
    await freshTopic(bench, 'latency-raw'),
    count,
    ratePerSecond,
  );
  const rows: Row[] = [
    {
      label: 'raw kafkajs send -> eachMessage (baseline)',
      short: 'raw',
      latency: summarizeLatency(raw),
    },
    ...(await ourPaths(bench, consumerDatabaseUrl, count, ratePerSecond)),
  ];
  const baseline = rows[0]?.latency.p50 ?? Number.NaN;
  return {
    id: 'seed-latency',
    title: `seed latency: publish -> handled at ${ratePerSecond} events/s, ${count} events each (ms)`,
    notes: [
      'the floor under 1 ms: acks=all (the send returns after the broker appended it), the',
      "consumer's fetch wake-up (a parked fetch answers when data arrives), and for the outbox",
      'the commit, NOTIFY wake-up and the relay claim transaction before the send',
    ],
    table: {
      header: ['path', 'samples', 'p50', 'p99', 'p999', 'max', '< 1 ms', 'p50 vs raw'],
      rows: rows.map((row) => [
        row.label,
        ...latencyCells(row.latency),
        times(row.latency.p50 / baseline),
      ]),
    },
    ratios: rows.slice(1).map((row) => ({
      label: `seed latency p50, ${row.short}`,
      value: row.latency.p50 / baseline,
      better: 'lower',
    })),
    checks: [],
    data: { ratePerSecond, count, rows },
  };
}

/** Both of our paths on one runtime (one consumer, joined once): without, then with the outbox. */
async function ourPaths(
  bench: BenchContext,
  consumerDatabaseUrl: string,
  count: number,
  ratePerSecond: number,
): Promise<Row[]> {
  const topic = await freshTopic(bench, 'latency-ours');
  const serviceName = 'bench-latency';
  // Each path gets its own probe; the handler reports to the current one.
  let probe = new LatencyProbe();
  const writers = new Pool({ connectionString: bench.databaseUrl, max: 4 });
  const appliers = new Pool({ connectionString: consumerDatabaseUrl, max: PARTITIONS_CONCURRENCY });
  const run = await startRuntime(
    {
      brokers: bench.brokers,
      topic,
      events: 2 * count,
      databaseUrl: bench.databaseUrl,
      timeoutMs: bench.sizes.timeoutMs,
    },
    {
      label: 'seed latency, our path',
      serviceName,
      batch: true,
      createHandler: (app) => {
        const inbox = app.get(Inbox);
        return async (events) => {
          await applyIdempotently(appliers, inbox, `${serviceName}.${topic}`, events);
          for (const event of events) probe.stop(event.eventId);
        };
      },
    },
  );
  const measure = async (send: (event: OutgoingEvent) => Promise<unknown>) => {
    probe = new LatencyProbe();
    const current = probe;
    await drive(count, ratePerSecond, async () => {
      const event = registrationEvent(topic);
      current.start(event.envelope.eventId);
      await send(event);
    });
    await current.awaitSamples(count, bench.sizes.timeoutMs);
    return summarizeLatency(current.sorted());
  };
  try {
    await run.line.awaitJoin(bench.sizes.timeoutMs);
    const publisher = run.app.get(EventPublisher);
    const direct = await measure((event) =>
      publisher.send([{ topic, messages: [messageOf(event)] }]),
    );
    const viaOutbox = await measure((event) => register(writers, event));
    return [
      {
        label: 'ours without outbox: service producer -> runtime + inbox',
        short: 'ours without outbox',
        latency: direct,
      },
      {
        label: 'ours with outbox: statement -> relay -> runtime + inbox',
        short: 'ours with outbox',
        latency: viaOutbox,
      },
    ];
  } finally {
    await run.close();
    await writers.end();
    await appliers.end();
  }
}
