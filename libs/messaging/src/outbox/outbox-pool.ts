import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { watchPoolErrors } from '../sql/pool-errors';

/** The relay's own small connection pool (its locking transactions stay off Prisma's). */
export const OUTBOX_POOL = Symbol('OUTBOX_POOL');

/** The relay's pool; a lost connection is a warning, not the end of the service. */
export function createOutboxPool(databaseUrl: string): Pool {
  return watchPoolErrors(
    new Pool({ connectionString: databaseUrl, max: 3 }),
    new Logger('OutboxPool'),
  );
}
