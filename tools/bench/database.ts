import { MESSAGING_TABLES_SQL } from '@kafka-commerce/messaging';
import { Client } from 'pg';
import { dropThrowawayDatabase, ensureDatabase } from '../db/migrate';
import { withDatabase } from '../stack/profile';

export const BENCH_DATABASE = 'kc_bench_test';

/** What the idempotent consumer applies: one row per event, keyed by the event. */
const EFFECTS_TABLE_SQL = `
CREATE TABLE effects (
    event_id UUID PRIMARY KEY,
    user_id UUID NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);`;

/** Recreates the bench database with the messaging tables and `effects`; returns its URL. */
export async function prepareDatabase(
  serverUrl: string,
): Promise<{ readonly databaseUrl: string; readonly serverVersion: string }> {
  await dropThrowawayDatabase(serverUrl, BENCH_DATABASE);
  await ensureDatabase(serverUrl, BENCH_DATABASE);
  const databaseUrl = withDatabase(serverUrl, BENCH_DATABASE);
  return withClient(databaseUrl, async (client) => {
    await client.query(MESSAGING_TABLES_SQL);
    await client.query(EFFECTS_TABLE_SQL);
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { databaseUrl, serverVersion: rows[0]?.server_version ?? 'unknown' };
  });
}

/** Empties what the idempotent scenario writes, so every round starts from the same tables. */
export async function resetEffects(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('TRUNCATE effects, processed_events');
  });
}

export async function countApplied(
  databaseUrl: string,
  consumer: string,
): Promise<{ readonly effects: number; readonly claims: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ effects: number; claims: number }>(
      `SELECT (SELECT count(*) FROM effects)::int AS effects,
              (SELECT count(*) FROM processed_events WHERE consumer = $1)::int AS claims`,
      [consumer],
    );
    return rows[0] ?? { effects: 0, claims: 0 };
  });
}

async function withClient<T>(
  databaseUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
