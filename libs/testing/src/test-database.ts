import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { waitFor } from './wait-for';

/** The test server: POSTGRES_URL, or this machine's PostgreSQL without a password. */
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
/** prisma/<service>/migrations, from src/ or dist/ of this lib alike. */
const PRISMA = path.resolve(__dirname, '../../../prisma');

/** A database of its own for one spec file, with a service's schema. */
export interface TestDatabase<TPool> {
  readonly name: string;
  readonly url: string;
  readonly pool: TPool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the test server, applies the service's committed migrations
 * (`prisma/<service>/migrations`, oldest first) and opens the caller's pool on it.
 */
export async function createTestDatabase<TPool extends { end(): Promise<void> }>(
  service: string,
  label: string,
  openPool: (url: string) => TPool | Promise<TPool>,
): Promise<TestDatabase<TPool>> {
  // The name says it is a test database, so nothing but a test ever drops it.
  const name = `kc_${service}_${label}_${randomUUID().slice(0, 8)}_test`;
  await onServer('postgres', async (client) => client.query(`CREATE DATABASE ${name}`));
  await onServer(name, (client) => migrate(client, service));
  const url = `${POSTGRES_URL}/${name}`;
  const pool = await openPool(url);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      // pool.end() returns before the server has seen every connection close; FORCE would
      // terminate one still closing, and its client would throw in the next spec file.
      await waitFor(async () => ((await sessionsOn(name)) === 0 ? true : undefined), {
        timeoutMs: 10_000,
        description: `the connections to ${name} to close`,
      });
      await onServer('postgres', (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function onServer<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${POSTGRES_URL}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function sessionsOn(database: string): Promise<number> {
  const { rows } = await onServer('postgres', (client) =>
    client.query<{ sessions: number }>(
      'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
      [database],
    ),
  );
  return rows[0]?.sessions ?? 0;
}

async function migrate(client: Client, service: string): Promise<void> {
  const migrations = path.join(PRISMA, service, 'migrations');
  const names = readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    await client.query(readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8'));
  }
}
