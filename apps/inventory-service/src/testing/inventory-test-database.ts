import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabasePool } from '@kafka-commerce/platform';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const MIGRATIONS = path.resolve(__dirname, '../../../../prisma/inventory/migrations');

/** A database of its own for one spec file, with inventory-service's schema. */
export interface InventoryTestDatabase {
  readonly pool: DatabasePool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the test server (POSTGRES_URL, or the local one without a
 * password) and applies inventory-service's committed migrations to it, oldest first.
 */
export async function createInventoryTestDatabase(
  label: string,
  { connections = 2 }: { readonly connections?: number } = {},
): Promise<InventoryTestDatabase> {
  // The name says it is a test database, so nothing but a test ever drops it.
  const name = `kc_inventory_${label}_${randomUUID().slice(0, 8)}_test`;
  await onServer(`CREATE DATABASE ${name}`);
  const pool = new DatabasePool({ connectionString: `${POSTGRES_URL}/${name}`, max: connections });
  await migrate(pool);
  return {
    pool,
    drop: async () => {
      await pool.end();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onServer(statement: string): Promise<void> {
  const admin = new DatabasePool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
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
