import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from './database-url';

/**
 * Applies committed Prisma migrations (prisma/<schema>/migrations/<name>/migration.sql) with
 * plain SQL, because Prisma's migrate engine cannot be downloaded here. Each one is recorded
 * in `_prisma_migrations` with Prisma's checksum (sha256 of the file), so `prisma migrate
 * deploy` on a connected machine sees the same history and agrees.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string,
): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One migrator per database at a time (several instances may start together).
    await client.query('SELECT pg_advisory_lock(727272)');
    await client.query(MIGRATIONS_TABLE);
    const applied = await appliedMigrations(client);
    const done: string[] = [];
    for (const migration of await readMigrations(migrationsDir)) {
      const previous = applied.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied`);
        }
        continue;
      }
      await apply(client, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  await withAdminClient(serverUrl, async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  });
}

/** Names a throwaway profile's databases end with (see StackProfile.databaseSuffix). */
const THROWAWAY_DATABASE = /_(test|faults|bench)$/;

/** Drops a throwaway database; refuses any database whose name does not say it is one. */
export async function dropThrowawayDatabase(serverUrl: string, database: string): Promise<void> {
  if (!THROWAWAY_DATABASE.test(database))
    throw new Error(
      `refusing to drop "${database}": not a throwaway (test, faults, bench) database`,
    );
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  });
}

interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

const MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

async function appliedMigrations(client: Client): Promise<Map<string, string>> {
  const failed = await client.query<{ migration_name: string }>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL',
  );
  const firstFailed = failed.rows[0];
  if (firstFailed) {
    throw new Error(
      `migration ${firstFailed.migration_name} failed earlier; resolve it before migrating`,
    );
  }
  const rows = await client.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL',
  );
  return new Map(rows.rows.map((row) => [row.migration_name, row.checksum]));
}

async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

async function apply(client: Client, migration: Migration): Promise<void> {
  // The SQL and its record commit together: a failed migration leaves no trace to clean up.
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (gen_random_uuid(), $1, $2, now(), now(), 1)`,
      [migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${migration.name} failed: ${String(error)}`);
  }
}

export async function withAdminClient(
  serverUrl: string,
  work: (admin: Client) => Promise<void>,
): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
