import { type DatabasePool } from '@kafka-commerce/platform';
import { type StatusCount } from '../application/ports/order-repository';
import { type OrderStatus } from '../domain/order-status';

// One pass over the orders table for all statuses at once. It is never on a request's path:
// metrics run it when scraped, at most every few seconds (prometheus-settlement-observer.ts).
export const COUNT_BY_STATUS_SQL = `
  SELECT status::text AS status, count(*) AS count, min(created_at) AS "oldestPlacedAt"
  FROM orders
  GROUP BY status`;

interface StatusCountRow {
  readonly status: OrderStatus;
  /** bigint, which pg returns as a string. */
  readonly count: string;
  readonly oldestPlacedAt: Date;
}

export async function countOrdersByStatus(pool: DatabasePool): Promise<StatusCount[]> {
  const { rows } = await pool.query<StatusCountRow>(COUNT_BY_STATUS_SQL);
  return rows.map(({ status, count, oldestPlacedAt }) => ({
    status,
    count: Number(count),
    oldestPlacedAt,
  }));
}
