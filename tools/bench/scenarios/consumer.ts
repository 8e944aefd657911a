import { randomBytes } from 'node:crypto';
import { createKafkaClient } from '@kafka-commerce/messaging';
import { type BenchContext } from '../context';
import { type Measurement } from '../finish-line';
import { integer, median, type ScenarioReport, times } from '../report';
import { createTopic, countMessages, produceEvents } from '../topic';
import { idempotentBatch } from './idempotent';
import { runtimeNoopBatch, runtimeNoopSingle } from './noop';
import { rawKafkajs, rawKafkajsParsed } from './raw-kafkajs';
import {
  KAFKA_CLIENT_OVERRIDES,
  PARTITIONS_CONCURRENCY,
  type Scenario,
  type ScenarioContext,
} from './scenario';

const PARTITIONS = 6;

/** In the order they run in each round; the first is the baseline the others are compared to. */
const SCENARIOS: readonly Scenario[] = [
  rawKafkajs,
  rawKafkajsParsed,
  runtimeNoopBatch,
  runtimeNoopSingle,
  idempotentBatch,
];

/**
 * Consumer transport: one topic filled once, then every consumer drains it from the start
 * `rounds` times, interleaved so that drift hits all alike; medians against raw kafkajs.
 */
export async function consumerTransport(bench: BenchContext): Promise<ScenarioReport> {
  const { events, rounds } = bench.sizes.consumer;
  const topic = await fillTopic(bench, events);
  const context: ScenarioContext = {
    brokers: bench.brokers,
    topic,
    events,
    databaseUrl: bench.databaseUrl,
    timeoutMs: bench.sizes.timeoutMs,
  };
  const results = await runRounds(context, rounds, bench);
  const rates = results.map((runs) => runs.map((run) => run.events / run.seconds));
  const baseline = median(rates[0] ?? []);
  const rows = SCENARIOS.map((scenario, index) => {
    const perSecond = median(rates[index] ?? []);
    return {
      id: scenario.id,
      label: scenario.label,
      eventsPerSecond: perSecond,
      ratio: perSecond / baseline,
      rounds: rates[index] ?? [],
    };
  });
  return {
    id: 'consumer',
    title: 'consumer transport: no-op and idempotent batched handlers vs raw kafkajs eachBatch',
    notes: [
      `${integer(events)} user.registered events, ${PARTITIONS} partitions (${PARTITIONS_CONCURRENCY} processed at once), median of ${rounds} round(s)`,
      'timed from consumer group join to the last event handled (connect, Nest bootstrap and join excluded)',
    ],
    table: {
      header: ['consumer', 'events/s', 'vs raw', 'rounds (events/s)'],
      rows: rows.map((row) => [
        row.label,
        integer(row.eventsPerSecond),
        times(row.ratio),
        row.rounds.map(integer).join(' / '),
      ]),
    },
    ratios: rows.slice(1).map((row) => ({ label: row.label, value: row.ratio, better: 'higher' })),
    checks: [`idempotent batch: ${integer(events)} effects and inbox claims, each event once`],
    data: { events, rounds, partitions: PARTITIONS, scenarios: rows },
  };
}

async function fillTopic(bench: BenchContext, events: number): Promise<string> {
  const kafka = createKafkaClient(
    { clientId: 'bench', brokers: bench.brokers },
    KAFKA_CLIENT_OVERRIDES,
  );
  const topic = `bench-${randomBytes(4).toString('hex')}`;
  await createTopic(kafka, topic, PARTITIONS);
  await produceEvents(kafka, topic, events);
  const total = (await countMessages(kafka, topic)).reduce((sum, count) => sum + count, 0);
  if (total !== events)
    throw new Error(`topic ${topic} holds ${total} messages, expected ${events}`);
  bench.log(`consumer: produced ${integer(events)} user.registered events to ${topic}`);
  return topic;
}

async function runRounds(
  context: ScenarioContext,
  rounds: number,
  bench: BenchContext,
): Promise<Measurement[][]> {
  // JIT and the broker's page cache warm up on a run nobody reports.
  await rawKafkajs.run(context, 0);
  const measured = SCENARIOS.map(() => [] as Measurement[]);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const measurement = await scenario.run(context, round);
      measured[index]?.push(measurement);
      bench.log(
        `consumer round ${round}/${rounds} ${scenario.label}: ` +
          `${integer(measurement.events / measurement.seconds)}/s`,
      );
    }
  }
  return measured;
}
