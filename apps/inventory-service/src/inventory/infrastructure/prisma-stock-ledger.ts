import { Injectable } from '@nestjs/common';
import { type Decision, Inbox, Outbox, outboxCte } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { Prisma } from '../../generated/prisma/client';
import { lockProductsSql, type ProductRecord, toProduct } from './product-record';
import { decideBatch, type LedgerBatchChanges } from '../application/ledger-batch';
import { type LedgerEntry, StockLedger } from '../application/ports/stock-ledger';
import { type Reservation } from '../domain/reservation';

@Injectable()
export class PrismaStockLedger extends StockLedger {
  constructor(
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  /**
   * One transaction of two round trips for the whole batch (Inbox.applyBatch): the claim and
   * both locking reads — reservations in order id order, then products in id order, the same
   * lock order in every transaction — go with BEGIN, the one write with COMMIT.
   */
  async apply(consumer: string, entries: readonly LedgerEntry[]): Promise<ReadonlySet<string>> {
    if (entries.length === 0) return new Set();
    const orderIds = [...new Set(entries.map((entry) => entry.orderId))];
    return this.inbox.applyBatch(
      this.pool,
      consumer,
      entries.map((entry) => entry.eventId),
      [
        lockReservationsSql(orderIds),
        lockProductsSql(
          entries.flatMap((entry) => entry.productIds),
          orderIds,
        ),
      ],
      (isNew, [reservations, products]): Decision<ReadonlySet<string>> => {
        const changes = decideBatch(entries, isNew, {
          reservations: new Map(
            ((reservations ?? []) as Reservation[]).map((row) => [row.orderId, row]),
          ),
          products: new Map(
            ((products ?? []) as ProductRecord[]).map((row) => [row.id, toProduct(row)]),
          ),
        });
        const events = changes.events.length > 0 ? this.outbox.rowsOf(changes.events) : null;
        return { write: storeSql(changes, events), result: changes.applied };
      },
    );
  }
}

/** Locks the orders' reservations (those that exist) and reads them with their lines. */
function lockReservationsSql(orderIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id::text AS id, r.order_id::text AS "orderId", r.status::text AS status,
      COALESCE((SELECT json_agg(json_build_object('productId', l.product_id, 'quantity', l.quantity)
                                ORDER BY l.product_id)
                FROM reservation_lines l WHERE l.reservation_id = r.id), '[]'::json) AS lines
    FROM reservations r WHERE r.order_id = ANY(${orderIds}::uuid[])
    ORDER BY r.order_id
    FOR UPDATE OF r`;
}

/**
 * A batch's changes as one statement (null when there is nothing to store): the new
 * reservations with their lines, the new status of existing ones, every changed product's
 * counters and the events (`Outbox.rowsOf`; null when none). An existing reservation's lines
 * never change.
 */
function storeSql(changes: LedgerBatchChanges, events: string | null): Prisma.Sql | null {
  const reservations = [...changes.created, ...changes.updated];
  const { products } = changes;
  if (reservations.length === 0 && products.length === 0 && events === null) return null;
  const lines = changes.created.flatMap((reservation) =>
    reservation.lines.map((line) => ({ reservationId: reservation.id, ...line })),
  );
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)}
    decisions AS (
      INSERT INTO reservations (id, order_id, status, updated_at)
      SELECT decision.id, decision.order_id, decision.status::"ReservationStatus", now()
      FROM unnest(${reservations.map((reservation) => reservation.id)}::uuid[],
                  ${reservations.map((reservation) => reservation.orderId)}::uuid[],
                  ${reservations.map((reservation) => reservation.status)}::text[])
        AS decision(id, order_id, status)
      ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
    ), new_lines AS (
      INSERT INTO reservation_lines (reservation_id, product_id, quantity)
      SELECT line.reservation_id, line.product_id, line.quantity
      FROM unnest(${lines.map((line) => line.reservationId)}::uuid[],
                  ${lines.map((line) => line.productId)}::uuid[],
                  ${lines.map((line) => line.quantity)}::int[])
        AS line(reservation_id, product_id, quantity)
    )
    UPDATE products SET stock = counters.stock, reserved = counters.reserved,
      sold = counters.sold, restocked = counters.restocked,
      low_stock_alerted = counters.low_stock_alerted, updated_at = now()
    FROM unnest(${products.map((product) => product.id)}::uuid[],
                ${products.map((product) => product.stock)}::int[],
                ${products.map((product) => product.reserved)}::int[],
                ${products.map((product) => product.sold)}::int[],
                ${products.map((product) => product.restocked)}::int[],
                ${products.map((product) => product.lowStockAlerted)}::boolean[])
      AS counters(id, stock, reserved, sold, restocked, low_stock_alerted)
    WHERE products.id = counters.id`;
}
