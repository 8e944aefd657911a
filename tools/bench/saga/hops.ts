import { median } from '../report';
import { withClient } from '../database';
import { type StackDatabases } from './stack-databases';

/** Medians, in ms, of the three hops of placed → confirmed, from each service's own rows. */
export interface SagaHops {
  /** Placed → reservation stored (order.created through order's outbox to inventory). */
  readonly placedToReserved: number;
  /** Reservation stored → payment SUCCEEDED (inventory.reserved to payment, and the charge). */
  readonly reservedToCharged: number;
  /** Payment SUCCEEDED → order CONFIRMED (payment.processed to order). */
  readonly chargedToConfirmed: number;
}

/**
 * Where an order's time goes: the moment each service recorded its step (the reservation's
 * creation, the payment's processing, the order's history), all on this machine's clock.
 */
export async function sagaHops(
  databases: StackDatabases,
  orderIds: readonly string[],
): Promise<SagaHops> {
  const at = (url: string, sql: string) =>
    withClient(url, async (client) => {
      const { rows } = await client.query<{ id: string; ms: number }>(sql, [orderIds]);
      return new Map(rows.map((row) => [row.id, row.ms]));
    });
  const epochMs = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8 AS ms`;
  const placed = await at(
    databases.order,
    `SELECT order_id::text AS id, ${epochMs('at')} FROM order_status_history
     WHERE status = 'PENDING' AND order_id = ANY($1::uuid[])`,
  );
  const confirmed = await at(
    databases.order,
    `SELECT order_id::text AS id, ${epochMs('at')} FROM order_status_history
     WHERE status = 'CONFIRMED' AND order_id = ANY($1::uuid[])`,
  );
  const reserved = await at(
    databases.inventory,
    `SELECT order_id::text AS id, ${epochMs('created_at')} FROM reservations WHERE order_id = ANY($1::uuid[])`,
  );
  const charged = await at(
    databases.payment,
    `SELECT order_id::text AS id, ${epochMs('processed_at')} FROM payments WHERE order_id = ANY($1::uuid[])`,
  );
  const hop = (from: Map<string, number>, to: Map<string, number>) =>
    median(orderIds.map((id) => (to.get(id) ?? Number.NaN) - (from.get(id) ?? Number.NaN)));
  return {
    placedToReserved: hop(placed, reserved),
    reservedToCharged: hop(reserved, charged),
    chargedToConfirmed: hop(charged, confirmed),
  };
}
