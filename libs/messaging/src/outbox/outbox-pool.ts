/** The relay's own small connection pool (its locking transactions stay off Prisma's). */
export const OUTBOX_POOL = Symbol('OUTBOX_POOL');
