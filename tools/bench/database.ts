import { MESSAGING_TABLES_SQL } from '@kafka-commerce/messaging';
import { Client } from 'pg';
import { withDatabase } from '../postgres/database-url';
import { dropThrowawayDatabase, ensureDatabase } from '../postgres/migrate';

/** The producing side's database: its outbox, and the rows its use case writes. */
export const BENCH_DATABASE = 'kc_bench_test';
/** The consuming side's database in the seed scenarios: its inbox and its effects. */
export const CONSUMER_DATABASE = 'kc_bench_consumer_test';

const BENCH_TABLES_SQL = `
-- What the idempotent consumer of the consumer scenario applies: one row per event.
CREATE TABLE effects (
    event_id UUID PRIMARY KEY,
    user_id UUID NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The seed scenarios' use case: a registration, written with its event in one statement.
CREATE TABLE registrations (user_id UUID PRIMARY KEY, event_id UUID NOT NULL);
-- The raw transactions of the saga's latency floor.
CREATE TABLE floor_rows (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now());`;

/** Deliberately no unique key: an event applied twice shows up as a second row. */
const CONSUMER_TABLES_SQL = `
CREATE TABLE seed_effects (event_id UUID NOT NULL, user_id UUID NOT NULL);`;

/** Recreates both bench databases; returns their URLs and the server's version. */
export async function prepareDatabases(serverUrl: string): Promise<{
  readonly databaseUrl: string;
  readonly consumerDatabaseUrl: string;
  readonly serverVersion: string;
}> {
  const databaseUrl = await recreate(serverUrl, BENCH_DATABASE, BENCH_TABLES_SQL);
  const consumerDatabaseUrl = await recreate(serverUrl, CONSUMER_DATABASE, CONSUMER_TABLES_SQL);
  const serverVersion = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
  return { databaseUrl, consumerDatabaseUrl, serverVersion };
}

async function recreate(serverUrl: string, database: string, tablesSql: string): Promise<string> {
  await dropThrowawayDatabase(serverUrl, database);
  await ensureDatabase(serverUrl, database);
  const url = withDatabase(serverUrl, database);
  await withClient(url, async (client) => {
    await client.query(MESSAGING_TABLES_SQL);
    await client.query(tablesSql);
  });
  return url;
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

export async function withClient<T>(
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
