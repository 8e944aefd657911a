import { toDecimal, toMoney } from '@kafka-commerce/events';
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

/** Locks the order's payment and reads it, in one statement (no row: none yet, nothing locked). */
export function lockAndLoad(orderId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${COLUMNS} FROM payments WHERE order_id = ${orderId}::uuid FOR UPDATE`;
}

/**
 * A new payment row and its events (`Outbox.rowsOf`; null when none), in one statement; a
 * second row for the order fails on the unique order_id.
 */
export function insertPayment(payment: Payment, events: string | null): Prisma.Sql {
  const row = toColumns(payment);
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)} inserted AS (
    INSERT INTO payments (id, order_id, user_id, amount, method, status, reason,
      cancel_requested, provider_reference, refund_reference, processed_at, refunded_at,
      created_at, updated_at)
    VALUES (${payment.id}::uuid, ${payment.orderId}::uuid, ${row.userId}::uuid,
      ${row.amount}::decimal, ${row.method}, ${payment.status}::"PaymentStatus",
      ${payment.reason}, ${payment.cancelRequested}, ${payment.providerReference},
      ${payment.refundReference}, ${payment.processedAt}::timestamptz,
      ${payment.refundedAt}::timestamptz, ${payment.createdAt}::timestamptz, now())
    RETURNING id)
    SELECT count(*) FROM inserted`;
}

/** The stored payment's new state (its id, order and creation never change) and its events. */
export function updatePayment(payment: Payment, events: string | null): Prisma.Sql {
  const row = toColumns(payment);
  return Prisma.sql`
    WITH ${outboxCte(Prisma.sql, events)} updated AS (
    UPDATE payments SET user_id = ${row.userId}::uuid, amount = ${row.amount}::decimal,
      method = ${row.method}, status = ${payment.status}::"PaymentStatus",
      reason = ${payment.reason}, cancel_requested = ${payment.cancelRequested},
      provider_reference = ${payment.providerReference},
      refund_reference = ${payment.refundReference},
      processed_at = ${payment.processedAt}::timestamptz,
      refunded_at = ${payment.refundedAt}::timestamptz, updated_at = now()
    WHERE id = ${payment.id}::uuid
    RETURNING id)
    SELECT count(*) FROM updated`;
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
