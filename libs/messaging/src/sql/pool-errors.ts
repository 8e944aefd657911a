import { type Pool } from 'pg';

export interface PoolErrorLog {
  warn(message: string): void;
}

/**
 * Keeps a lost database connection from ending the service. pg emits 'error' on a client
 * whose connection breaks (PostgreSQL restarted, an administrator ended it), and Node ends a
 * process on an 'error' event that nobody listens to:
 * - an idle pooled client's error is re-emitted on the pool ('error'); the pool has dropped
 *   the client already;
 * - a checked-out client's is emitted on the client only — pg-pool takes its own listener
 *   off while the client is lent, and pg emits it even when the query that was running gets
 *   the error too. Seen: notification-service exited during `pnpm test:faults`' PostgreSQL
 *   restart with a client held across a Prisma interactive transaction or a relay batch.
 *   Here every client gets a listener once connected; the holder's query fails, and the pool
 *   discards the client when it is released (it is no longer queryable).
 */
export function watchPoolErrors<T extends Pool>(pool: T, log: PoolErrorLog): T {
  pool.on('error', (error) => {
    log.warn(`an idle database connection was closed: ${error.message}`);
  });
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      log.warn(`a database connection in use was closed: ${error.message}`);
    });
  });
  return pool;
}
