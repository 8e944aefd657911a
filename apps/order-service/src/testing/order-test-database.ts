import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabasePool } from '@kafka-commerce/platform';
import { waitFor } from '@kafka-commerce/testing';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const MIGRATIONS = path.resolve(__dirname, '../../../../prisma/order/migrations');

/** A database of its own for one spec file, with order-service's schema. */
export interface OrderTestDatabase {
  readonly pool: DatabasePool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the test server (POSTGRES_URL, or the local one without a
 * password) and applies order-service's committed migrations to it, oldest first.
 */
export async function createOrderTestDatabase(
  label: string,
  { connections = 2 }: { readonly connections?: number } = {},
): Promise<OrderTestDatabase> {
  // The name says it is a test database, so nothing but a test ever drops it.
  const name = `kc_order_${label}_${randomUUID().slice(0, 8)}_test`;
  await onServer(`CREATE DATABASE ${name}`);
  const pool = new DatabasePool({ connectionString: `${POSTGRES_URL}/${name}`, max: connections });
  await migrate(pool);
  return {
    pool,
    drop: async () => {
      await pool.end();
      // pool.end() returns before the server has seen every connection close; FORCE would
      // terminate one still closing, and its client would throw in the next spec file.
      await waitFor(async () => ((await sessionsOn(name)) === 0 ? true : undefined), {
        timeoutMs: 10_000,
        description: `the connections to ${name} to close`,
      });
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onServer<TRow extends object>(
  statement: string,
  values: unknown[] = [],
): Promise<TRow[]> {
  const admin = new DatabasePool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  try {
    return (await admin.query<TRow>(statement, values)).rows;
  } finally {
    await admin.end();
  }
}

async function sessionsOn(database: string): Promise<number> {
  const [row] = await onServer<{ sessions: number }>(
    'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
    [database],
  );
  return row?.sessions ?? 0;
}

async function migrate(pool: DatabasePool): Promise<void> {
  const names = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    await pool.query(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
  }
}
