import { toDecimal } from '@kafka-commerce/money';
import { outboxCte } from '@kafka-commerce/messaging';
import { Prisma } from '../../generated/prisma/client';
import { type Order, type StatusChange } from '../domain/order';
import { type OrderStatus } from '../domain/order-status';

/** An order row locked by lockOrders, with its lines and history aggregated as JSON. */
export interface LockedOrderRow {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly totalAmount: string;
  readonly shippingStreet: string;
  readonly shippingCity: string;
  readonly shippingPostalCode: string;
  readonly shippingCountry: string;
  readonly paymentMethod: string;
  readonly cancellationReason: string | null;
  readonly idempotencyKey: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: string }[];
  readonly history: readonly { status: OrderStatus; reason: string | null; at: string }[];
}

/**
 * Locks the orders, in id order so that two batches never deadlock. A statement of its own:
 * when it had to wait for another transaction, only the next statement's snapshot sees
 * everything that transaction committed (loadLockedOrders).
 */
export function lockOrders(orderIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id FROM orders o WHERE o.id = ANY(${orderIds}::uuid[])
    ORDER BY o.id
    FOR UPDATE OF o`;
}

/**
 * Reads the orders whole, lines by position and history oldest first. Run after lockOrders,
 * in the same transaction: a locking read that waited would return the row's new version but
 * compute its subqueries (lines, history) from the snapshot it started with, before the
 * transaction it waited for committed — a status without the history entry that set it.
 */
export function loadLockedOrders(orderIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id::text, o.user_id::text AS "userId", o.status::text,
      o.total_amount::text AS "totalAmount", o.shipping_street AS "shippingStreet",
      o.shipping_city AS "shippingCity", o.shipping_postal_code AS "shippingPostalCode",
      o.shipping_country AS "shippingCountry", o.payment_method AS "paymentMethod",
      o.cancellation_reason AS "cancellationReason", o.idempotency_key AS "idempotencyKey",
      o.created_at AS "createdAt", o.updated_at AS "updatedAt",
      (SELECT json_agg(json_build_object('productId', i.product_id, 'quantity', i.quantity,
                                         'unitPrice', i.unit_price::text) ORDER BY i.position)
         FROM order_items i WHERE i.order_id = o.id) AS lines,
      (SELECT json_agg(json_build_object('status', h.status, 'reason', h.reason, 'at', h.at)
                       ORDER BY h.id)
         FROM order_status_history h WHERE h.order_id = o.id) AS history
    FROM orders o WHERE o.id = ANY(${orderIds}::uuid[])`;
}

/** An order's new state and the history entries it gained. */
export interface ChangedOrder {
  readonly order: Order;
  readonly added: readonly StatusChange[];
}

/**
 * The orders' new status, the history entries they gained and their events
 * (`Outbox.rowsOf`; null when there are none), in one statement.
 */
export function storeChanges(changed: readonly ChangedOrder[], events: string | null): Prisma.Sql {
  const orders = changed.map(({ order }) => order);
  const added = changed.flatMap(({ order, added }) =>
    added.map((change) => ({ orderId: order.id, ...change })),
  );
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)}
    updated AS (
      UPDATE orders SET status = next.status::"OrderStatus",
        cancellation_reason = next.cancellation_reason, updated_at = next.updated_at
      FROM unnest(${orders.map((order) => order.id)}::uuid[],
                  ${orders.map((order) => order.status)}::text[],
                  ${orders.map((order) => order.cancellationReason)}::text[],
                  ${orders.map((order) => order.updatedAt)}::timestamptz[])
        AS next(id, status, cancellation_reason, updated_at)
      WHERE orders.id = next.id
    )
    INSERT INTO order_status_history (order_id, status, reason, at)
    SELECT added.order_id, added.status::"OrderStatus", added.reason, added.at
    FROM unnest(${added.map((change) => change.orderId)}::uuid[],
                ${added.map((change) => change.status)}::text[],
                ${added.map((change) => change.reason)}::text[],
                ${added.map((change) => change.at)}::timestamptz[]) WITH ORDINALITY
      AS added(order_id, status, reason, at, position)
    ORDER BY added.position`;
}

export function toOrderFromRow(row: LockedOrderRow): Order {
  return {
    id: row.id,
    userId: row.userId,
    status: row.status,
    lines: row.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: toDecimal(line.unitPrice),
    })),
    totalAmount: toDecimal(row.totalAmount),
    shippingAddress: {
      street: row.shippingStreet,
      city: row.shippingCity,
      postalCode: row.shippingPostalCode,
      country: row.shippingCountry,
    },
    paymentMethod: row.paymentMethod,
    cancellationReason: row.cancellationReason,
    idempotencyKey: row.idempotencyKey,
    history: row.history.map(({ status, reason, at }) => ({ status, reason, at: new Date(at) })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
