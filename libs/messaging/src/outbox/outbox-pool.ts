import { Logger } from '@nestjs/common';
import { Pool } from 'pg';

/** The relay's own small connection pool (its locking transactions stay off Prisma's). */
export const OUTBOX_POOL = Symbol('OUTBOX_POOL');

export interface PoolErrorLog {
  warn(message: string): void;
}

/**
 * Creates the relay's pool. When PostgreSQL restarts (or an administrator ends connections),
 * pg emits 'error' on the pool for each idle connection; with no listener Node treats that as
 * an unhandled error and the whole service exits. The pool has already dropped the broken
 * connection and opens a new one for the next query, so a warning is all it takes.
 */
export function createOutboxPool(
  databaseUrl: string,
  log: PoolErrorLog = new Logger('OutboxPool'),
): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: 3 });
  pool.on('error', (error) => {
    log.warn(`an idle database connection was closed: ${error.message}`);
  });
  return pool;
}
