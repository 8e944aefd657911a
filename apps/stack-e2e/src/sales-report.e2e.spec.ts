import { Decimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { EVENT_HEADERS, TOPICS } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { type KafkaMessage } from 'kafkajs';
import {
  asAdmin,
  type Headers,
  newCustomer,
  newProduct,
  type Order,
  payments,
  placeOrder,
  settledOrder,
} from './support/commerce';
import { findMessage, produce } from './support/kafka';
import { postJson, queryDatabase, serviceUrl } from './support/stack';

/*
 * GET /analytics/reports/sales against the whole stack: known orders go through the saga
 * (confirmed, cancelled by the customer after confirmation, rejected for stock, declined by
 * the card), and the report must show exactly them. Other suites share the database, so
 * per-day figures are checked as the change over the run (nothing else places orders while
 * this suite runs: suites run one at a time), and per-product figures on products of its own.
 */

interface ReportDay {
  date: string;
  ordersCreated: number;
  ordersConfirmed: number;
  ordersCancelled: number;
  cancelledByReason: Record<string, number>;
  revenue: string;
  paymentsSucceeded: number;
  paymentsFailed: number;
  paymentSuccessRate: string | null;
}

interface SalesReport {
  from: string;
  to: string;
  days: ReportDay[];
  products: { productId: string; unitsSold: number; revenue: string }[];
}

interface ErrorBody {
  errors: { field: string; messages: string[] }[];
}

const DAY_MS = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function reportUrl(query: string): string {
  return `${serviceUrl('analytics')}/analytics/reports/sales?${query}`;
}

async function getReport(
  query: string,
  headers: Headers,
): Promise<{ status: number; body: unknown; response: Response }> {
  const response = await fetch(reportUrl(query), { headers });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, body: isJson ? JSON.parse(text) : text, response };
}

async function salesReport(from: string, to: string): Promise<SalesReport> {
  const { status, body } = await getReport(`from=${from}&to=${to}`, await asAdmin());
  if (status !== 200) throw new Error(`sales report: ${status} ${JSON.stringify(body)}`);
  return body as SalesReport;
}

/** The report's days added up (a range, so a midnight during the run loses nothing). */
function sumOfDays(report: SalesReport) {
  const reasons: Record<string, number> = {};
  for (const day of report.days) {
    for (const [reason, count] of Object.entries(day.cancelledByReason)) {
      reasons[reason] = (reasons[reason] ?? 0) + count;
    }
  }
  const add = (field: 'ordersCreated' | 'ordersConfirmed' | 'ordersCancelled') =>
    report.days.reduce((sum, day) => sum + day[field], 0);
  return {
    ordersCreated: add('ordersCreated'),
    ordersConfirmed: add('ordersConfirmed'),
    ordersCancelled: add('ordersCancelled'),
    paymentsSucceeded: report.days.reduce((sum, day) => sum + day.paymentsSucceeded, 0),
    paymentsFailed: report.days.reduce((sum, day) => sum + day.paymentsFailed, 0),
    revenue: report.days.reduce((sum, day) => sum.plus(day.revenue), new Decimal(0)),
    reasons,
  };
}

function change(before: SalesReport, after: SalesReport) {
  const [was, is] = [sumOfDays(before), sumOfDays(after)];
  const reasons = new Set([...Object.keys(was.reasons), ...Object.keys(is.reasons)]);
  return {
    ordersCreated: is.ordersCreated - was.ordersCreated,
    ordersConfirmed: is.ordersConfirmed - was.ordersConfirmed,
    ordersCancelled: is.ordersCancelled - was.ordersCancelled,
    paymentsSucceeded: is.paymentsSucceeded - was.paymentsSucceeded,
    paymentsFailed: is.paymentsFailed - was.paymentsFailed,
    revenue: is.revenue.minus(was.revenue).toFixed(2),
    cancelledByReason: Object.fromEntries(
      [...reasons]
        .map((reason) => [reason, (is.reasons[reason] ?? 0) - (was.reasons[reason] ?? 0)])
        .filter(([, count]) => count !== 0),
    ),
  };
}

/** Waits until analytics has applied every order's final status and every payment. */
function analyticsCaughtUp(orders: readonly Order[], charges: number): Promise<true> {
  const ids = orders.map((order) => order.id);
  const expected = new Map(orders.map((order) => [order.id, order.status]));
  return waitFor(
    async () => {
      const projected = await queryDatabase<{ orderId: string; status: string }>(
        'analytics',
        `SELECT order_id::text AS "orderId", status::text AS status
         FROM order_projections WHERE order_id = ANY($1::uuid[])`,
        [ids],
      );
      const [charged] = await queryDatabase<{ count: string }>(
        'analytics',
        'SELECT count(*)::text AS count FROM processed_payments WHERE order_id = ANY($1::uuid[])',
        [ids],
      );
      const settled =
        projected.length === ids.length &&
        projected.every((row) => expected.get(row.orderId) === row.status) &&
        Number(charged?.count) === charges;
      return settled || undefined;
    },
    { timeoutMs: 30_000, description: 'analytics to project the orders and their payments' },
  );
}

/** The event of `type` an order's saga published on `topic`, as it is on the wire. */
function published(topic: string, type: string, orderId: string): Promise<KafkaMessage> {
  return findMessage(topic, (message) => {
    try {
      const envelope = JSON.parse(message.value?.toString() ?? '') as {
        type?: string;
        payload?: { orderId?: string };
      };
      return envelope.type === type && envelope.payload?.orderId === orderId;
    } catch {
      return false; // other suites publish poison messages on purpose
    }
  });
}

function eventIdOf(message: KafkaMessage): string {
  return (JSON.parse(message.value?.toString() ?? '') as { eventId: string }).eventId;
}

/** Publishes the message again (same key, so after the original), under `eventId`. */
async function redeliver(topic: string, original: KafkaMessage, eventId: string): Promise<void> {
  const envelope = { ...(JSON.parse(original.value?.toString() ?? '') as object), eventId };
  const headers = Object.fromEntries(
    Object.entries(original.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? '']),
  );
  await produce(topic, [
    {
      key: original.key?.toString() ?? '',
      value: JSON.stringify(envelope),
      headers: { ...headers, [EVENT_HEADERS.eventId]: eventId },
    },
  ]);
}

function handledByAnalytics(topic: string, eventId: string): Promise<true> {
  return waitFor(
    async () =>
      (
        await queryDatabase(
          'analytics',
          'SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2::uuid',
          [`analytics-service.${topic}`, eventId],
        )
      ).length > 0 || undefined,
    { timeoutMs: 30_000, description: `analytics to handle event ${eventId}` },
  );
}

/** CSV records of this report (its fields hold no comma, quote or line break). */
function csvTables(csv: string): { days: string[][]; products: string[][] } {
  expect(csv.endsWith('\r\n')).toBe(true);
  const lines = csv.slice(0, -2).split('\r\n');
  const gap = lines.indexOf('');
  expect(gap).toBeGreaterThan(0);
  const records = (part: string[]) => part.map((line) => line.split(','));
  return { days: records(lines.slice(0, gap)), products: records(lines.slice(gap + 1)) };
}

describe('GET /analytics/reports/sales', () => {
  it('reports exactly the orders placed, per day and per product, in JSON and CSV, also after redelivery', async () => {
    // Two days: the run may cross midnight UTC, and each figure counts on its event's day.
    const from = utcDay(Date.now());
    const to = utcDay(Date.now() + DAY_MS);
    const before = await salesReport(from, to);
    expect(before.days.map((day) => day.date)).toEqual([from, to]);

    const customer = await newCustomer();
    const [mug, pen, lamp, scarce, vase] = await Promise.all([
      newProduct('12.50', 10),
      newProduct('3.25', 10),
      newProduct('7.00', 5),
      newProduct('5.00', 1),
      newProduct('10.00', 5),
    ]);
    const place = async (items: { productId: string; quantity: number }[], method = 'card') =>
      settledOrder(
        ((await placeOrder(customer.headers, items, method)).body as Order).id,
        customer.headers,
      );
    const paid = await place([
      { productId: mug.id, quantity: 2 },
      { productId: pen.id, quantity: 1 },
    ]);
    const paidToo = await place([{ productId: mug.id, quantity: 1 }]);
    const regretted = await place([{ productId: lamp.id, quantity: 1 }]);
    const unavailable = await place([{ productId: scarce.id, quantity: 2 }]);
    const declined = await place([{ productId: vase.id, quantity: 1 }], 'card_declined');
    expect([paid, paidToo, regretted].map((order) => order.status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(unavailable).toMatchObject({ status: 'CANCELLED', cancellationReason: 'out_of_stock' });
    expect(declined).toMatchObject({ status: 'CANCELLED', cancellationReason: 'card_declined' });
    const cancel = await postJson(
      `${serviceUrl('order')}/orders/${regretted.id}/cancel`,
      {},
      customer.headers,
    );
    expect(cancel.body).toMatchObject({ status: 'CANCELLED' });
    const cancelled = cancel.body as Order;
    await waitFor(
      async () =>
        (await payments(regretted.id, customer.headers)).some(
          (payment) => payment.status === 'REFUNDED',
        ) || undefined,
      { description: 'the refund of the cancelled order' },
    );
    // Payment-service's view: three charges (one refunded since) and one declined card.
    const charges = (
      await Promise.all(
        [paid, paidToo, regretted, unavailable, declined].map((order) =>
          payments(order.id, customer.headers),
        ),
      )
    ).flat();
    expect(charges.map((payment) => payment.status).sort()).toEqual([
      'FAILED',
      'REFUNDED',
      'SUCCEEDED',
      'SUCCEEDED',
    ]);

    await analyticsCaughtUp([paid, paidToo, cancelled, unavailable, declined], 4);
    const after = await salesReport(from, to);
    expect(change(before, after)).toEqual({
      ordersCreated: 5,
      ordersConfirmed: 2,
      ordersCancelled: 3,
      cancelledByReason: { card_declined: 1, cancelled_by_customer: 1, out_of_stock: 1 },
      paymentsSucceeded: 3,
      paymentsFailed: 1,
      revenue: '40.75',
    });
    for (const day of after.days) {
      const attempts = day.paymentsSucceeded + day.paymentsFailed;
      expect(day.paymentSuccessRate).toBe(
        attempts === 0
          ? null
          : new Decimal(day.paymentsSucceeded).div(attempts).toFixed(4, Decimal.ROUND_HALF_UP),
      );
    }
    // Only what stayed confirmed sold: the lamp went back, the others never sold.
    const mine = new Set([mug.id, pen.id, lamp.id, scarce.id, vase.id]);
    expect(after.products.filter((product) => mine.has(product.productId))).toEqual([
      { productId: mug.id, unitsSold: 3, revenue: '37.50' },
      { productId: pen.id, unitsSold: 1, revenue: '3.25' },
    ]);
    // Most revenue first, ties by product id.
    expect(after.products).toEqual(
      [...after.products].sort(
        (a, b) =>
          new Decimal(b.revenue).comparedTo(a.revenue) ||
          (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
      ),
    );

    // A confirmation and a failed charge again: the same event id, then a fresh one (same key,
    // so analytics has handled both once it has handled the fresh one).
    const confirmation = await published(TOPICS.orders.name, 'order.confirmed', paid.id);
    const failure = await published(TOPICS.payments.name, 'payment.processed', declined.id);
    const [confirmationCopy, failureCopy] = [randomUUID(), randomUUID()];
    await redeliver(TOPICS.orders.name, confirmation, eventIdOf(confirmation));
    await redeliver(TOPICS.orders.name, confirmation, confirmationCopy);
    await redeliver(TOPICS.payments.name, failure, eventIdOf(failure));
    await redeliver(TOPICS.payments.name, failure, failureCopy);
    await Promise.all([
      handledByAnalytics(TOPICS.orders.name, confirmationCopy),
      handledByAnalytics(TOPICS.payments.name, failureCopy),
    ]);
    const replayed = await salesReport(from, to);
    expect(replayed).toEqual(after);

    // The same report as CSV.
    const csv = await getReport(`from=${from}&to=${to}`, {
      ...(await asAdmin()),
      accept: 'text/csv',
    });
    expect(csv.status).toBe(200);
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.response.headers.get('content-disposition')).toBe(
      `attachment; filename="sales-${from}-${to}.csv"`,
    );
    const tables = csvTables(String(csv.body));
    const [header = [], ...dayRows] = tables.days;
    const reasons = header.slice(8).map((column) => column.replace(/^cancelledByReason:/, ''));
    expect(header.slice(0, 8)).toEqual([
      'date',
      'ordersCreated',
      'ordersConfirmed',
      'ordersCancelled',
      'revenue',
      'paymentsSucceeded',
      'paymentsFailed',
      'paymentSuccessRate',
    ]);
    expect(reasons).toEqual(expect.arrayContaining(['card_declined', 'cancelled_by_customer']));
    expect(dayRows).toEqual(
      replayed.days.map((day) => [
        day.date,
        String(day.ordersCreated),
        String(day.ordersConfirmed),
        String(day.ordersCancelled),
        day.revenue,
        String(day.paymentsSucceeded),
        String(day.paymentsFailed),
        day.paymentSuccessRate ?? '',
        ...reasons.map((reason) => String(day.cancelledByReason[reason] ?? 0)),
      ]),
    );
    expect(tables.products).toEqual([
      ['productId', 'unitsSold', 'revenue'],
      ...replayed.products.map((product) => [
        product.productId,
        String(product.unitsSold),
        product.revenue,
      ]),
    ]);
    expect(tables.products).toContainEqual([mug.id, '3', '37.50']);
  }, 180_000);

  it('lists every day of the range, zeros on days without sales', async () => {
    const report = await salesReport('1999-12-30', '2000-01-02');
    expect(report.days.map((day) => day.date)).toEqual([
      '1999-12-30',
      '1999-12-31',
      '2000-01-01',
      '2000-01-02',
    ]);
    expect(report.days[0]).toEqual({
      date: '1999-12-30',
      ordersCreated: 0,
      ordersConfirmed: 0,
      ordersCancelled: 0,
      cancelledByReason: {},
      revenue: '0.00',
      paymentsSucceeded: 0,
      paymentsFailed: 0,
      paymentSuccessRate: null,
    });
    expect(report.products).toEqual([]);
  });

  it('is for admins: 401 without a token, 403 for a customer', async () => {
    const query = 'from=2026-12-01&to=2026-12-01';
    expect((await getReport(query, {})).status).toBe(401);
    expect((await getReport(query, (await newCustomer()).headers)).status).toBe(403);
  });

  it.each([
    ['a malformed day', 'from=2026-13-01&to=2026-12-31', 'from'],
    ['a day that does not exist', 'from=2026-12-01&to=2026-02-30', 'to'],
    ['no end', 'from=2026-12-01', 'to'],
    ['an end before the start', 'from=2026-12-02&to=2026-12-01', 'to'],
    ['more than 366 days', 'from=2026-01-01&to=2027-01-02', 'to'],
  ])('answers 400 naming the field for %s', async (_case, query, field) => {
    const { status, body } = await getReport(query, await asAdmin());
    expect(status).toBe(400);
    expect((body as ErrorBody).errors.map((error) => error.field)).toEqual([field]);
  });
});
