import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { Inbox, KafkaEventContext, MessagingMetrics } from '@kafka-commerce/messaging';
import { DatabaseModule, DatabasePool, ServiceMetrics } from '@kafka-commerce/platform';
import { AnalyticsDatabase } from '../../database';
import {
  type Line,
  orderCancelled,
  orderConfirmed,
  orderCreated,
  paymentProcessed,
} from '../../testing/events';
import { GetSalesReportHandler } from '../application/get-sales-report/get-sales-report.handler';
import { RecordOrdersHandler } from '../application/record-orders/record-orders.handler';
import { RecordPaymentsHandler } from '../application/record-payments/record-payments.handler';
import { type UtcDay } from '../domain/utc-day';
import { OrderEventsConsumer } from '../messaging/order-events.consumer';
import { PaymentEventsConsumer } from '../messaging/payment-events.consumer';
import { PostgresProjectionStore } from './postgres-projection-store';
import { PrismaSalesReportReader } from './prisma-sales-report-reader';

// The per-day projections' SQL (one statement per delta, CTEs chained) against a real
// PostgreSQL: exact sums, nothing changed by redelivery, no deadlock between concurrent
// batches, and the migration's backfill of payments.

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const MIGRATIONS = path.resolve(__dirname, '../../../../../prisma/analytics/migrations');
const SALES_MIGRATION = '20261211120000_sales_report_days';
// The name says it is a test database, so nothing but a test ever drops it.
const DATABASE = `kc_analytics_sales_${randomUUID().slice(0, 8)}_test`;

const orders = new KafkaEventContext(['orders', 0, 'analytics-service.orders']);
const paymentsTopic = new KafkaEventContext(['payments', 0, 'analytics-service.payments']);
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const P3 = '33333333-3333-4333-8333-333333333333';
const day = (text: string) => text as UtcDay;

let moduleRef: TestingModule;
let orderConsumer: OrderEventsConsumer;
let paymentConsumer: PaymentEventsConsumer;
let report: GetSalesReportHandler;

async function onServer(statement: string): Promise<void> {
  const admin = new DatabasePool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Applies the committed migrations in order; `before` runs just before the sales one. */
async function migrate(pool: DatabasePool, before: () => Promise<void>): Promise<void> {
  const names = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    if (name === SALES_MIGRATION) await before();
    await pool.query(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
  }
}

/** The event with some payload fields replaced (timestamps, a reason). */
function withPayload<E extends { payload: object }>(event: E, fields: Record<string, string>): E {
  return { ...event, payload: { ...event.payload, ...fields } };
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${DATABASE}`);
  moduleRef = await Test.createTestingModule({
    imports: [DatabaseModule.forClient(AnalyticsDatabase, `${POSTGRES_URL}/${DATABASE}`)],
  }).compile();
  const pool = moduleRef.get(DatabasePool);
  await migrate(pool, () =>
    // Payments projected before the per-day tables existed.
    pool
      .query(
        `INSERT INTO processed_payments (payment_id, order_id, status, amount, processed_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), 'SUCCEEDED', 10, '2026-11-20T23:59:59+00'),
                (gen_random_uuid(), gen_random_uuid(), 'SUCCEEDED', 12.5, '2026-11-21T00:30:00+01'),
                (gen_random_uuid(), gen_random_uuid(), 'FAILED', 99, '2026-11-20T08:00:00+00')`,
      )
      .then(() => undefined),
  );
  const store = new PostgresProjectionStore(
    pool,
    new Inbox(new MessagingMetrics(new ServiceMetrics('analytics-int').registry)),
  );
  orderConsumer = new OrderEventsConsumer(new RecordOrdersHandler(store));
  paymentConsumer = new PaymentEventsConsumer(new RecordPaymentsHandler(store));
  report = new GetSalesReportHandler(new PrismaSalesReportReader(moduleRef.get(AnalyticsDatabase)));
});

afterAll(async () => {
  await moduleRef.get(AnalyticsDatabase).$disconnect();
  await moduleRef.get(DatabasePool).end();
  await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('per-day sales projections in PostgreSQL', () => {
  it('backfills the payments projected before the per-day tables, on their UTC days', async () => {
    const { days } = await report.execute({ from: day('2026-11-20'), to: day('2026-11-20') });
    expect(days).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        paymentsSucceeded: 2,
        paymentsFailed: 1,
        paymentSuccessRate: '0.6667',
      }),
    ]);
  });

  it('reports exactly what happened per day, whatever is redelivered', async () => {
    const [o1, o2, o3] = [randomUUID(), randomUUID(), randomUUID()];
    const lines1: Line[] = [
      { productId: P1, quantity: 2, unitPrice: '19.99' },
      { productId: P2, quantity: 1, unitPrice: '5.00' },
    ];
    const lines2: Line[] = [{ productId: P2, quantity: 3, unitPrice: '5.00' }];
    const lines3: Line[] = [{ productId: P3, quantity: 1, unitPrice: '0.10' }];
    const placed = [
      withPayload(orderCreated(o1, lines1, '44.98'), { createdAt: '2026-12-01T22:59:59Z' }),
      withPayload(orderCreated(o2, lines2, '15.00'), { createdAt: '2026-12-01T10:00:00Z' }),
      withPayload(orderCreated(o3, lines3, '0.10'), { createdAt: '2026-12-01T10:00:00Z' }),
    ];
    const settled = [
      withPayload(orderConfirmed(o1, lines1, '44.98'), {
        confirmedAt: '2026-12-02T00:00:01+01:00',
      }),
      withPayload(orderConfirmed(o2, lines2, '15.00'), { confirmedAt: '2026-12-02T09:00:00Z' }),
      withPayload(orderCancelled(o3, lines3), {
        reason: 'out_of_stock',
        cancelledAt: '2026-12-02T09:00:00Z',
      }),
    ];
    const charges = [
      withPayload(paymentProcessed(o1, 'SUCCEEDED', '44.98'), {
        processedAt: '2026-12-02T08:59:00Z',
      }),
      withPayload(paymentProcessed(o2, 'SUCCEEDED', '15.00'), {
        processedAt: '2026-12-02T08:59:00Z',
      }),
      withPayload(paymentProcessed(o3, 'FAILED', '0.10'), { processedAt: '2026-12-02T08:59:00Z' }),
    ];
    const customerCancel = withPayload(orderCancelled(o2, lines2), {
      cancelledAt: '2026-12-03T12:00:00Z',
    });

    await orderConsumer.onOrderEvents(placed, orders);
    await Promise.all([
      orderConsumer.onOrderEvents(settled, orders),
      paymentConsumer.onPaymentEvents(charges, paymentsTopic),
    ]);
    await orderConsumer.onOrderEvents([customerCancel], orders);
    const expected = await report.execute({ from: day('2026-11-30'), to: day('2026-12-03') });

    // Every event again, in one batch and one by one, and copies under fresh event ids.
    await orderConsumer.onOrderEvents([...placed, ...settled, customerCancel], orders);
    for (const event of [...settled, customerCancel])
      await orderConsumer.onOrderEvents([event], orders);
    await paymentConsumer.onPaymentEvents(charges, paymentsTopic);
    await orderConsumer.onOrderEvents(
      [...placed, ...settled, customerCancel].map((event) => ({ ...event, eventId: randomUUID() })),
      orders,
    );
    await paymentConsumer.onPaymentEvents(
      charges.map((event) => ({ ...event, eventId: randomUUID() })),
      paymentsTopic,
    );

    const after = await report.execute({ from: day('2026-11-30'), to: day('2026-12-03') });
    expect(after).toEqual(expected);
    // Per minute (the dashboard): each transition once, in its event's minute, none taken back.
    const minutes = await moduleRef.get(DatabasePool).query<{ minute: string; status: string }>(
      `SELECT to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS minute, status,
         count::int AS count
       FROM order_minutes WHERE minute >= '2026-12-01Z' AND minute < '2026-12-04Z'
       ORDER BY minute, status`,
    );
    expect(minutes.rows).toEqual([
      { minute: '2026-12-01T10:00', status: 'created', count: 2 },
      { minute: '2026-12-01T22:59', status: 'created', count: 1 },
      { minute: '2026-12-01T23:00', status: 'confirmed', count: 1 },
      { minute: '2026-12-02T09:00', status: 'cancelled', count: 1 },
      { minute: '2026-12-02T09:00', status: 'confirmed', count: 1 },
      { minute: '2026-12-03T12:00', status: 'cancelled', count: 1 },
    ]);
    const quiet = {
      ordersCreated: 0,
      ordersConfirmed: 0,
      ordersCancelled: 0,
      cancelledByReason: {},
      revenue: '0.00',
      paymentsSucceeded: 0,
      paymentsFailed: 0,
      paymentSuccessRate: null,
    };
    expect(after).toEqual({
      from: '2026-11-30',
      to: '2026-12-03',
      days: [
        { ...quiet, date: '2026-11-30' },
        // o1's confirmedAt, 2026-12-02T00:00:01+01:00, is 23:00:01 on 12-01 in UTC.
        { ...quiet, date: '2026-12-01', ordersCreated: 3, ordersConfirmed: 1, revenue: '44.98' },
        {
          ...quiet,
          date: '2026-12-02',
          // o2 was confirmed on 12-02, then cancelled on 12-03: it left 12-02 again.
          ordersCancelled: 1,
          cancelledByReason: { out_of_stock: 1 },
          paymentsSucceeded: 2,
          paymentsFailed: 1,
          paymentSuccessRate: '0.6667',
        },
        {
          ...quiet,
          date: '2026-12-03',
          ordersCancelled: 1,
          cancelledByReason: { customer_request: 1 },
        },
      ],
      products: [
        { productId: P1, unitsSold: 2, revenue: '39.98' },
        { productId: P2, unitsSold: 1, revenue: '5.00' },
      ],
    });
  });

  it('adds concurrent batches for the same day and product exactly, without deadlock', async () => {
    const product = randomUUID();
    const line: Line[] = [{ productId: product, quantity: 1, unitPrice: '0.10' }];
    const batches = Array.from({ length: 12 }, () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      return {
        orders: ids.flatMap((id) => [
          withPayload(orderCreated(id, line, '0.10'), { createdAt: '2026-12-10T10:00:00Z' }),
          withPayload(orderConfirmed(id, line, '0.10'), { confirmedAt: '2026-12-10T10:00:01Z' }),
        ]),
        payments: ids.map((id) =>
          withPayload(paymentProcessed(id, 'SUCCEEDED', '0.10'), {
            processedAt: '2026-12-10T10:00:00Z',
          }),
        ),
      };
    });
    await Promise.all(
      batches.flatMap((batch) => [
        orderConsumer.onOrderEvents(batch.orders, orders),
        paymentConsumer.onPaymentEvents(batch.payments, paymentsTopic),
      ]),
    );
    const { days, products } = await report.execute({
      from: day('2026-12-10'),
      to: day('2026-12-10'),
    });
    expect(days).toEqual([
      expect.objectContaining({
        ordersCreated: 36,
        ordersConfirmed: 36,
        revenue: '3.60',
        paymentsSucceeded: 36,
        paymentSuccessRate: '1.0000',
      }),
    ]);
    expect(products).toEqual([{ productId: product, unitsSold: 36, revenue: '3.60' }]);
  });
});
