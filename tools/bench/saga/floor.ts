import { Client } from 'pg';
import { percentile } from '../../load/saga-load';
import { type BenchContext } from '../context';
import { rawRoundTrips } from '../scenarios/raw-round-trips';
import { freshTopic } from '../scenarios/seed-path';

/** What the saga cannot beat: three raw Kafka round trips and three raw transactions. */
export interface SagaFloor {
  readonly kafkaRoundTripP50: number;
  readonly transactionP50: number;
  /** 3 × each p50, in ms. */
  readonly floorMs: number;
}

/**
 * placed → confirmed is three hops (order.created → inventory, inventory.reserved → payment,
 * payment.processed → order), each a Kafka round trip and a consumer transaction. Measured one
 * at a time on the idle stack's broker and PostgreSQL, in the same run as the saga.
 */
export async function measureFloor(bench: BenchContext, samples: number): Promise<SagaFloor> {
  const topic = await freshTopic(bench, 'saga-floor');
  const kafka = await rawRoundTrips(bench, topic, samples);
  const transactions = await rawTransactions(bench.databaseUrl, samples);
  const kafkaRoundTripP50 = percentile(kafka, 50);
  const transactionP50 = percentile(transactions, 50);
  return {
    kafkaRoundTripP50,
    transactionP50,
    floorMs: 3 * kafkaRoundTripP50 + 3 * transactionP50,
  };
}

/** BEGIN; INSERT; COMMIT one at a time on one connection; sorted latencies in ms. */
async function rawTransactions(databaseUrl: string, samples: number): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const latencies: number[] = [];
    for (let index = 0; index < samples; index++) {
      const started = performance.now();
      await client.query('BEGIN');
      await client.query('INSERT INTO floor_rows DEFAULT VALUES');
      await client.query('COMMIT');
      latencies.push(performance.now() - started);
    }
    return latencies.sort((a, b) => a - b);
  } finally {
    await client.end();
  }
}
