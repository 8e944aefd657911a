import { Injectable } from '@nestjs/common';
import {
  type Decision,
  Inbox,
  type InboxClaim,
  Outbox,
  outboxCte,
} from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { Prisma } from '../../generated/prisma/client';
import {
  lockProductsSql,
  type ProductRecord,
  toProduct,
} from '../../products/infrastructure/product-record';
import {
  type LedgerChanges,
  type LedgerState,
  StockLedger,
} from '../application/ports/stock-ledger';
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
   * Reservation first, then products: the same lock order in every transaction. Both locking
   * reads go with BEGIN and the inbox claim, the write with COMMIT: this runs for every order
   * event, and every round trip to PostgreSQL costs CPU on both ends.
   */
  async applyOnce(
    claim: InboxClaim,
    orderId: string,
    productIds: readonly string[],
    decide: (state: LedgerState) => LedgerChanges,
  ): Promise<boolean> {
    const outcome = await this.inbox.applyOnce(
      this.pool,
      claim,
      [lockReservationSql(orderId), lockProductsSql(productIds, orderId)],
      ([reservations, products]): Decision<null> => {
        const reservation = (reservations?.[0] as Reservation | undefined) ?? null;
        const locked = (products as ProductRecord[] | undefined)?.map(toProduct) ?? [];
        const changes = decide({
          reservation,
          products: new Map(locked.map((product) => [product.id, product])),
        });
        const events = changes.events?.length ? this.outbox.rowsOf(changes.events) : null;
        return { write: storeSql(reservation, changes, events), result: null };
      },
    );
    return outcome.applied;
  }
}

/** Locks the order's reservation (if any) and reads it with its lines, in one statement. */
function lockReservationSql(orderId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id::text AS id, r.order_id::text AS "orderId", r.status::text AS status,
      COALESCE((SELECT json_agg(json_build_object('productId', l.product_id, 'quantity', l.quantity)
                                ORDER BY l.product_id)
                FROM reservation_lines l WHERE l.reservation_id = r.id), '[]'::json) AS lines
    FROM reservations r WHERE r.order_id = ${orderId}::uuid
    FOR UPDATE OF r`;
}

/**
 * The decision as one statement (null when there is nothing to store): the reservation (new
 * with its lines, or its new status), every product's counters and the events
 * (`Outbox.rowsOf`; null when none). A new reservation's lines are written only when it is
 * new; an existing one's never change.
 */
function storeSql(
  existing: Reservation | null,
  changes: LedgerChanges,
  events: string | null,
): Prisma.Sql | null {
  const reservation = changes.reservation ?? existing;
  const products = changes.products ?? [];
  if (!changes.reservation && products.length === 0 && events === null) return null;
  const lines = existing || !reservation ? [] : reservation.lines;
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)}
    decision AS (
      INSERT INTO reservations (id, order_id, status, updated_at)
      SELECT ${existing?.id ?? reservation?.id ?? null}::uuid, ${reservation?.orderId ?? null}::uuid,
             ${reservation?.status ?? null}::"ReservationStatus", now()
      WHERE ${changes.reservation !== undefined}
      ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
      RETURNING id
    ), new_lines AS (
      INSERT INTO reservation_lines (reservation_id, product_id, quantity)
      SELECT decision.id, line.product_id, line.quantity
      FROM decision, unnest(${lines.map((line) => line.productId)}::uuid[],
                            ${lines.map((line) => line.quantity)}::int[]) AS line(product_id, quantity)
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
