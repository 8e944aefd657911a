import { Inbox, type RawSqlClient } from '@kafka-commerce/messaging';
import {
  type ProjectionTransaction,
  type RegisteredUser,
} from '../application/ports/projection-store';
import { type OrderState, type OrderStatus, type PricedLine } from '../domain/order-projection';
import { type ProcessedPayment } from '../domain/payment-projection';
import { type SummaryDelta } from '../domain/summary-delta';
import { type UtcDay } from '../domain/utc-day';

// Every write is one set-based statement over a JSON array, whatever the batch size. Rows are
// written in key order, so concurrent batches lock shared rows (products, totals) in one order.

const INSERT_USERS_SQL = `
  INSERT INTO registered_users (user_id, source, registered_at)
  SELECT r."userId"::uuid, r.source, r."registeredAt"
  FROM jsonb_to_recordset($1::jsonb) AS r("userId" text, source text, "registeredAt" timestamptz)
  ORDER BY r."userId"
  ON CONFLICT (user_id) DO NOTHING
  RETURNING user_id::text AS id`;

const INSERT_PAYMENTS_SQL = `
  INSERT INTO processed_payments (payment_id, order_id, status, amount, processed_at)
  SELECT r."paymentId"::uuid, r."orderId"::uuid, r.status::payment_outcome, r.amount::numeric,
    r."processedAt"
  FROM jsonb_to_recordset($1::jsonb) AS r("paymentId" text, "orderId" text, status text,
    amount text, "processedAt" timestamptz)
  ORDER BY r."paymentId"
  ON CONFLICT (payment_id) DO NOTHING
  RETURNING payment_id::text AS id`;

const LOCK_ORDERS_SQL = `
  SELECT order_id::text AS "orderId", status::text AS status,
    total_amount::text AS "totalAmount", lines, confirmed_on::text AS "confirmedOn"
  FROM order_projections WHERE order_id = ANY($1::uuid[]) ORDER BY order_id FOR UPDATE`;

const UPSERT_ORDERS_SQL = `
  INSERT INTO order_projections (order_id, status, total_amount, lines, confirmed_on, updated_at)
  SELECT r."orderId"::uuid, r.status::order_status, r."totalAmount"::numeric, r.lines,
    r."confirmedOn"::date, now()
  FROM jsonb_to_recordset($1::jsonb) AS r("orderId" text, status text, "totalAmount" text,
    lines jsonb, "confirmedOn" text)
  ORDER BY r."orderId"
  ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status,
    total_amount = EXCLUDED.total_amount, lines = EXCLUDED.lines,
    confirmed_on = EXCLUDED.confirmed_on, updated_at = EXCLUDED.updated_at`;

// A whole delta in one statement (one round trip, whatever it touches): six increments of
// one JSON document. PostgreSQL runs a statement's data-modifying CTEs in no promised order,
// so each step waits for the one before (its one-time filter counts that step's RETURNING
// rows): every transaction locks product totals, product days, day totals, day cancellations,
// order minutes, then summary totals, each table in key order — one lock order, no deadlock.
const APPLY_DELTA_SQL = `
  WITH products AS (
    INSERT INTO product_sales AS p (product_id, quantity, revenue)
    SELECT r."productId"::uuid, r.quantity, r.revenue::numeric
    FROM jsonb_to_recordset($1::jsonb -> 'products')
      AS r("productId" text, quantity bigint, revenue text)
    ORDER BY r."productId"
    ON CONFLICT (product_id) DO UPDATE SET quantity = p.quantity + EXCLUDED.quantity,
      revenue = p.revenue + EXCLUDED.revenue
    RETURNING 1
  ), product_days AS (
    INSERT INTO daily_product_sales AS p (day, product_id, quantity, revenue)
    SELECT r.day::date, r."productId"::uuid, r.quantity, r.revenue::numeric
    FROM jsonb_to_recordset($1::jsonb -> 'productDays')
      AS r(day text, "productId" text, quantity bigint, revenue text)
    WHERE (SELECT count(*) FROM products) >= 0
    ORDER BY r.day, r."productId"
    ON CONFLICT (day, product_id) DO UPDATE SET quantity = p.quantity + EXCLUDED.quantity,
      revenue = p.revenue + EXCLUDED.revenue
    RETURNING 1
  ), days AS (
    INSERT INTO daily_counters AS d (day, metric, count, amount)
    SELECT r.day::date, r.metric, r.count, r.amount::numeric
    FROM jsonb_to_recordset($1::jsonb -> 'days')
      AS r(day text, metric text, count bigint, amount text)
    WHERE (SELECT count(*) FROM product_days) >= 0
    ORDER BY r.day, r.metric
    ON CONFLICT (day, metric) DO UPDATE SET count = d.count + EXCLUDED.count,
      amount = d.amount + EXCLUDED.amount
    RETURNING 1
  ), cancellations AS (
    INSERT INTO daily_cancellations AS c (day, reason, count)
    SELECT r.day::date, r.reason, r.count
    FROM jsonb_to_recordset($1::jsonb -> 'cancellations')
      AS r(day text, reason text, count bigint)
    WHERE (SELECT count(*) FROM days) >= 0
    ORDER BY r.day, r.reason
    ON CONFLICT (day, reason) DO UPDATE SET count = c.count + EXCLUDED.count
    RETURNING 1
  ), minutes AS (
    INSERT INTO order_minutes AS m (minute, status, count)
    SELECT r.minute::timestamptz, r.status, r.count
    FROM jsonb_to_recordset($1::jsonb -> 'minutes')
      AS r(minute text, status text, count bigint)
    WHERE (SELECT count(*) FROM cancellations) >= 0
    ORDER BY r.minute, r.status
    ON CONFLICT (minute, status) DO UPDATE SET count = m.count + EXCLUDED.count
    RETURNING 1
  )
  INSERT INTO summary_counters AS c (metric, count, amount)
  SELECT r.metric, r.count, r.amount::numeric
  FROM jsonb_to_recordset($1::jsonb -> 'counters') AS r(metric text, count bigint, amount text)
  WHERE (SELECT count(*) FROM minutes) >= 0
  ORDER BY r.metric
  ON CONFLICT (metric) DO UPDATE SET count = c.count + EXCLUDED.count,
    amount = c.amount + EXCLUDED.amount`;

interface OrderRow {
  orderId: string;
  status: OrderStatus;
  totalAmount: string | null;
  lines: PricedLine[];
  confirmedOn: UtcDay | null;
}

/** The projection store's operations inside one transaction. */
export class PostgresProjectionTransaction implements ProjectionTransaction {
  constructor(
    private readonly tx: RawSqlClient,
    private readonly inbox: Inbox,
  ) {}

  claim(consumer: string, eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.inbox.claim(this.tx, consumer, eventIds);
  }

  addUsers(users: readonly RegisteredUser[]): Promise<ReadonlySet<string>> {
    return this.insertNew(INSERT_USERS_SQL, users);
  }

  addPayments(payments: readonly ProcessedPayment[]): Promise<ReadonlySet<string>> {
    return this.insertNew(INSERT_PAYMENTS_SQL, payments);
  }

  async lockOrders(orderIds: readonly string[]): Promise<Map<string, OrderState>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.tx.$queryRawUnsafe<OrderRow[]>(LOCK_ORDERS_SQL, orderIds);
    // DECIMAL(12,2)::text always has two decimals, which is canonical money.
    return new Map(rows.map((row) => [row.orderId, row]));
  }

  async saveOrders(orders: readonly OrderState[]): Promise<void> {
    if (orders.length === 0) return;
    await this.tx.$executeRawUnsafe(UPSERT_ORDERS_SQL, JSON.stringify(orders));
  }

  async apply(delta: SummaryDelta): Promise<void> {
    const document = deltaDocument(delta);
    if (Object.values(document).every((rows) => rows.length === 0)) return;
    await this.tx.$executeRawUnsafe(APPLY_DELTA_SQL, JSON.stringify(document));
  }

  private async insertNew(sql: string, rows: readonly object[]): Promise<ReadonlySet<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await this.tx.$queryRawUnsafe<{ id: string }[]>(sql, JSON.stringify(rows));
    return new Set(inserted.map((row) => row.id));
  }
}

/** The delta as APPLY_DELTA_SQL reads it; amounts as exact decimal strings. */
function deltaDocument(delta: SummaryDelta) {
  return {
    products: delta.products().map(([productId, change]) => ({
      productId,
      quantity: change.quantity,
      revenue: change.revenue.toFixed(),
    })),
    productDays: delta.dailyProducts().map(({ day, key, change }) => ({
      day,
      productId: key,
      quantity: change.quantity,
      revenue: change.revenue.toFixed(),
    })),
    days: delta.dailyCounters().map(({ day, key, change }) => ({
      day,
      metric: key,
      count: change.count,
      amount: change.amount.toFixed(),
    })),
    cancellations: delta.cancellations().map(({ day, key, change }) => ({
      day,
      reason: key,
      count: change,
    })),
    minutes: delta.orderMinutes(),
    counters: delta.counters().map(([metric, change]) => ({
      metric,
      count: change.count,
      amount: change.amount.toFixed(),
    })),
  };
}
