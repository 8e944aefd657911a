import { randomBytes } from 'node:crypto';
import { createKafkaClient } from '@kafka-commerce/messaging';
import { type BenchArgs } from './args';
import { type Broker, startBroker } from './broker';
import { BENCH_DATABASE, prepareDatabase } from './database';
import { type Measurement } from './finish-line';
import {
  formatMachine,
  formatTable,
  integer,
  machineInfo,
  type ScenarioRounds,
  summarize,
} from './report';
import { SCENARIOS } from './scenarios';
import {
  KAFKA_CLIENT_OVERRIDES,
  PARTITIONS_CONCURRENCY,
  type ScenarioContext,
} from './scenarios/scenario';
import { awaitCoordinators, countMessages, createTopic, deleteTopic, produceEvents } from './topic';

const PARTITIONS = 6;
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

type Log = (line: string) => void;

/**
 * The whole bench: broker and database from scratch, one topic filled once, then every
 * scenario consumes it from the beginning `rounds` times (interleaved, so drift hits all
 * alike), and the medians are reported against the baseline's. The broker it started is
 * removed at the end, also on failure or Ctrl-C (see the janitor in broker.ts).
 */
export async function runBench(args: BenchArgs, log: Log): Promise<void> {
  const broker = startBroker(process.env, log);
  // Leave quickly (tsx SIGKILLs a child that lingers); the broker's janitor removes it.
  const onSignal = (signal: NodeJS.Signals): void => {
    log(
      `${signal}: stopping${broker.managed ? '; the bench broker is removed in the background' : ''}`,
    );
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await measure(args, broker, log);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    broker.stop();
  }
}

async function measure(args: BenchArgs, broker: Broker, log: Log): Promise<void> {
  const postgresUrl = process.env.POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  log(`recreating database ${BENCH_DATABASE}…`);
  const { databaseUrl, serverVersion } = await prepareDatabase(postgresUrl);

  await awaitCoordinators(broker.brokers);
  const kafka = createKafkaClient(
    { clientId: 'bench', brokers: broker.brokers },
    KAFKA_CLIENT_OVERRIDES,
  );
  const topic = `bench-${randomBytes(4).toString('hex')}`;
  await createTopic(kafka, topic, PARTITIONS);
  try {
    const producing = performance.now();
    await produceEvents(kafka, topic, args.events);
    const perPartition = await countMessages(kafka, topic);
    const total = perPartition.reduce((sum, count) => sum + count, 0);
    if (total !== args.events) {
      throw new Error(`topic ${topic} holds ${total} messages, expected ${args.events}`);
    }
    log(
      `produced ${integer(args.events)} user.registered events to ${topic} in ` +
        `${((performance.now() - producing) / 1000).toFixed(1)} s ` +
        `(per partition: ${perPartition.join(', ')})`,
    );

    const context: ScenarioContext = {
      brokers: broker.brokers,
      topic,
      events: args.events,
      databaseUrl,
      timeoutMs: args.timeoutSeconds * 1000,
    };
    const results = await runRounds(context, args.rounds, log);

    const summaries = summarize(results);
    const machine = machineInfo(broker.description, `${serverVersion} (${postgresUrl})`);
    console.log(
      [
        '',
        `consumer throughput: ${integer(args.events)} user.registered events, ${PARTITIONS} partitions ` +
          `(${PARTITIONS_CONCURRENCY} processed at once), median of ${args.rounds} round(s)`,
        'timed from consumer group join to the last event handled (connect, Nest bootstrap and join excluded)',
        formatMachine(machine),
        '',
        formatTable(summaries),
        '',
      ].join('\n'),
    );
    console.log(
      JSON.stringify({
        bench: 'consumer-throughput',
        timing: 'group-join-to-last-event',
        events: args.events,
        rounds: args.rounds,
        partitions: PARTITIONS,
        partitionsConcurrency: PARTITIONS_CONCURRENCY,
        topic,
        machine,
        scenarios: summaries,
      }),
    );
  } finally {
    // The bench broker is deleted with its topics; someone else's keeps only what it had.
    if (!broker.managed) {
      await deleteTopic(kafka, topic).catch((error: unknown) => {
        log(`could not delete topic ${topic}: ${String(error)}`);
      });
    }
  }
}

async function runRounds(
  context: ScenarioContext,
  rounds: number,
  log: Log,
): Promise<ScenarioRounds[]> {
  const [baseline] = SCENARIOS;
  if (baseline) {
    // JIT and the broker's page cache warm up on a run nobody reports.
    log(`warm-up: ${baseline.label} (not reported)…`);
    await baseline.run(context, 0);
  }
  const measured = SCENARIOS.map((scenario) => ({ scenario, rounds: [] as Measurement[] }));
  for (let round = 1; round <= rounds; round++) {
    for (const { scenario, rounds: done } of measured) {
      const measurement = await scenario.run(context, round);
      done.push(measurement);
      log(
        `round ${round}/${rounds} ${scenario.label}: ${integer(measurement.events)} events in ` +
          `${measurement.seconds.toFixed(3)} s = ${integer(measurement.events / measurement.seconds)}/s ` +
          `(joined after ${measurement.startupSeconds.toFixed(2)} s)`,
      );
    }
  }
  return measured.map(({ scenario, rounds: done }) => ({
    id: scenario.id,
    label: scenario.label,
    rounds: done,
  }));
}
