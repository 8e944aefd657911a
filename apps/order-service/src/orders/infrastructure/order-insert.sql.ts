import { toMoney } from '@kafka-commerce/money';
import { outboxInsertSql } from '@kafka-commerce/messaging';
import { type Order } from '../domain/order';

/**
 * A new order, its lines, its first history entry (PENDING, at the order's creation) and
 * (parameter 16) its outbox events, in one statement.
 */
export const INSERT_ORDER_SQL = `
  WITH new_order AS (
    INSERT INTO orders (id, user_id, status, total_amount, shipping_street, shipping_city,
      shipping_postal_code, shipping_country, payment_method, cancellation_reason,
      idempotency_key, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::"OrderStatus", $4::decimal, $5, $6, $7, $8, $9, NULL, $10,
      $11::timestamptz, $12::timestamptz)
    RETURNING id
  ), lines AS (
    INSERT INTO order_items (order_id, product_id, position, quantity, unit_price)
    SELECT new_order.id, line.product_id, line.position - 1, line.quantity, line.unit_price
    FROM new_order, unnest($13::uuid[], $14::int[], $15::decimal[])
      WITH ORDINALITY AS line(product_id, quantity, unit_price, position)
  ), history AS (
    INSERT INTO order_status_history (order_id, status, reason, at)
    SELECT new_order.id, $3::"OrderStatus", NULL, $11::timestamptz FROM new_order
  ), events AS (${outboxInsertSql('$16')})
  SELECT 1`;

/** Parameters 1 to 15 of INSERT_ORDER_SQL (the outbox rows are the 16th). */
export function insertOrderParameters(order: Order): unknown[] {
  return [
    order.id,
    order.userId,
    order.status,
    toMoney(order.totalAmount),
    order.shippingAddress.street,
    order.shippingAddress.city,
    order.shippingAddress.postalCode,
    order.shippingAddress.country,
    order.paymentMethod,
    order.idempotencyKey,
    order.createdAt,
    order.updatedAt,
    order.lines.map((line) => line.productId),
    order.lines.map((line) => line.quantity),
    order.lines.map((line) => toMoney(line.unitPrice)),
  ];
}
