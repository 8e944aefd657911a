import { toDecimal, toMoney } from '@kafka-commerce/money';
import { outboxCte } from '@kafka-commerce/messaging';
import { Prisma } from '../../generated/prisma/client';
import { type Payment, type PaymentStatus } from '../domain/payment';

/** A payments row as the raw statements below read it (uuids, amount and status as text). */
export interface PaymentRecord {
  readonly id: string;
  readonly orderId: string;
  readonly userId: string | null;
  readonly amount: string | null;
  readonly method: string | null;
  readonly status: PaymentStatus;
  readonly reason: string | null;
  readonly cancelRequested: boolean;
  readonly providerReference: string | null;
  readonly refundReference: string | null;
  readonly processedAt: Date | null;
  readonly refundedAt: Date | null;
  readonly createdAt: Date;
}

const COLUMNS = Prisma.raw(`
  id::text, order_id::text AS "orderId", user_id::text AS "userId", amount::text, method,
  status::text, reason, cancel_requested AS "cancelRequested",
  provider_reference AS "providerReference", refund_reference AS "refundReference",
  processed_at AS "processedAt", refunded_at AS "refundedAt", created_at AS "createdAt"`);

/** The order's payment (no row: none yet). */
export function selectPayment(orderId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${COLUMNS} FROM payments WHERE order_id = ${orderId}::uuid`;
}

/**
 * Locks the orders' payments in order id order and reads them, in one statement (an order
 * without a row has none yet: nothing is locked for it).
 */
export function lockAndLoad(orderIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT ${COLUMNS} FROM payments WHERE order_id = ANY(${orderIds}::uuid[])
    ORDER BY order_id
    FOR UPDATE`;
}

/**
 * The payments' new state — new rows inserted, stored ones updated (their id, order and
 * creation never change) — and their events (`Outbox.rowsOf`; null when none), in one
 * statement. A second row for an order fails on the unique order_id.
 */
export function storePayments(payments: readonly Payment[], events: string | null): Prisma.Sql {
  const rows = payments.map((payment) => ({ ...payment, ...toColumns(payment) }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T): T[] => rows.map(pick);
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)} stored AS (
    INSERT INTO payments (id, order_id, user_id, amount, method, status, reason,
      cancel_requested, provider_reference, refund_reference, processed_at, refunded_at,
      created_at, updated_at)
    SELECT row.id, row.order_id, row.user_id, row.amount, row.method,
      row.status::"PaymentStatus", row.reason, row.cancel_requested, row.provider_reference,
      row.refund_reference, row.processed_at, row.refunded_at, row.created_at, now()
    FROM unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.orderId)}::uuid[],
                ${column((row) => row.userId)}::uuid[], ${column((row) => row.amount)}::decimal[],
                ${column((row) => row.method)}::text[], ${column((row) => row.status)}::text[],
                ${column((row) => row.reason)}::text[],
                ${column((row) => row.cancelRequested)}::boolean[],
                ${column((row) => row.providerReference)}::text[],
                ${column((row) => row.refundReference)}::text[],
                ${column((row) => row.processedAt)}::timestamptz[],
                ${column((row) => row.refundedAt)}::timestamptz[],
                ${column((row) => row.createdAt)}::timestamptz[])
      AS row(id, order_id, user_id, amount, method, status, reason, cancel_requested,
             provider_reference, refund_reference, processed_at, refunded_at, created_at)
    ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, amount = EXCLUDED.amount,
      method = EXCLUDED.method, status = EXCLUDED.status, reason = EXCLUDED.reason,
      cancel_requested = EXCLUDED.cancel_requested,
      provider_reference = EXCLUDED.provider_reference,
      refund_reference = EXCLUDED.refund_reference, processed_at = EXCLUDED.processed_at,
      refunded_at = EXCLUDED.refunded_at, updated_at = now()
    RETURNING id)
    SELECT count(*) FROM stored`;
}

export function toPaymentFromRecord(row: PaymentRecord): Payment {
  const { userId, amount, method } = row;
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status,
    terms:
      userId !== null && amount !== null && method !== null
        ? { userId, amount: toDecimal(amount), method }
        : null,
    cancelRequested: row.cancelRequested,
    reason: row.reason,
    providerReference: row.providerReference,
    refundReference: row.refundReference,
    processedAt: row.processedAt,
    refundedAt: row.refundedAt,
    createdAt: row.createdAt,
  };
}

function toColumns({ terms }: Payment) {
  return {
    userId: terms?.userId ?? null,
    amount: terms ? toMoney(terms.amount) : null,
    method: terms?.method ?? null,
  };
}
