import { Inbox, type RawSqlClient } from '@kafka-commerce/messaging';
import { type ProjectionTransaction, type RegisteredUser } from '../application/projection-store';
import { type OrderState, type OrderStatus, type PricedLine } from '../domain/order-projection';
import { type ProcessedPayment } from '../domain/payment-projection';
import { type SummaryDelta } from '../domain/summary-delta';

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
    total_amount::text AS "totalAmount", lines
  FROM order_projections WHERE order_id = ANY($1::uuid[]) ORDER BY order_id FOR UPDATE`;

const UPSERT_ORDERS_SQL = `
  INSERT INTO order_projections (order_id, status, total_amount, lines, updated_at)
  SELECT r."orderId"::uuid, r.status::order_status, r."totalAmount"::numeric, r.lines, now()
  FROM jsonb_to_recordset($1::jsonb) AS r("orderId" text, status text, "totalAmount" text,
    lines jsonb)
  ORDER BY r."orderId"
  ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status,
    total_amount = EXCLUDED.total_amount, lines = EXCLUDED.lines, updated_at = EXCLUDED.updated_at`;

const ADD_PRODUCT_SALES_SQL = `
  INSERT INTO product_sales AS p (product_id, quantity, revenue)
  SELECT r."productId"::uuid, r.quantity, r.revenue::numeric
  FROM jsonb_to_recordset($1::jsonb) AS r("productId" text, quantity bigint, revenue text)
  ORDER BY r."productId"
  ON CONFLICT (product_id) DO UPDATE SET quantity = p.quantity + EXCLUDED.quantity,
    revenue = p.revenue + EXCLUDED.revenue`;

const ADD_COUNTERS_SQL = `
  INSERT INTO summary_counters AS c (metric, count, amount)
  SELECT r.metric, r.count, r.amount::numeric
  FROM jsonb_to_recordset($1::jsonb) AS r(metric text, count bigint, amount text)
  ORDER BY r.metric
  ON CONFLICT (metric) DO UPDATE SET count = c.count + EXCLUDED.count,
    amount = c.amount + EXCLUDED.amount`;

interface OrderRow {
  orderId: string;
  status: OrderStatus;
  totalAmount: string | null;
  lines: PricedLine[];
}

/** The projection store's operations inside one transaction. */
export class PrismaProjectionTransaction implements ProjectionTransaction {
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
    const products = delta.products().map(([productId, change]) => ({
      productId,
      quantity: change.quantity,
      revenue: change.revenue.toFixed(),
    }));
    const counters = delta.counters().map(([metric, change]) => ({
      metric,
      count: change.count,
      amount: change.amount.toFixed(),
    }));
    // Products before totals, in every transaction: one lock order, no deadlock.
    if (products.length > 0)
      await this.tx.$executeRawUnsafe(ADD_PRODUCT_SALES_SQL, JSON.stringify(products));
    if (counters.length > 0)
      await this.tx.$executeRawUnsafe(ADD_COUNTERS_SQL, JSON.stringify(counters));
  }

  private async insertNew(sql: string, rows: readonly object[]): Promise<ReadonlySet<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await this.tx.$queryRawUnsafe<{ id: string }[]>(sql, JSON.stringify(rows));
    return new Set(inserted.map((row) => row.id));
  }
}
