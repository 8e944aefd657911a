import { callJson } from '../load/http-client';
import { type FaultStack } from './fault-stack';
import { type Customer, type PlacedOrder, type StockedProduct } from './load';
import { type Violation } from './scenario';

/** Counters that are compared before and after a scenario (analytics vs the owning services). */
export interface Baseline {
  readonly analytics: ReadonlyMap<string, number>;
  readonly orders: ReadonlyMap<string, number>;
}

export interface Tracked {
  readonly orders: readonly PlacedOrder[];
  readonly customers: readonly Customer[];
  readonly products: readonly StockedProduct[];
}

export interface OrderTally {
  readonly confirmed: number;
  readonly cancelled: number;
  readonly stuck: number;
}

export async function takeBaseline(stack: FaultStack): Promise<Baseline> {
  const analytics = await stack.query<{ metric: string; n: number }>(
    'analytics-service',
    'SELECT metric, count::int AS n FROM summary_counters',
  );
  const orders = await stack.query<{ status: string; n: number }>(
    'order-service',
    'SELECT status::text AS status, count(*)::int AS n FROM orders GROUP BY status',
  );
  return {
    analytics: new Map(analytics.map((row) => [row.metric, row.n])),
    orders: new Map(orders.map((row) => [row.status, row.n])),
  };
}

interface OrderRow {
  id: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
}

/** Checks design.md §8 for a scenario's orders, customers and products (at quiescence). */
export async function checkInvariants(
  stack: FaultStack,
  tracked: Tracked,
  before: Baseline,
): Promise<{ tally: OrderTally; violations: Violation[] }> {
  const violations: Violation[] = [];
  const flag = (invariant: string, offenders: readonly string[], what: string): void => {
    if (offenders.length > 0)
      violations.push({
        invariant,
        detail: `${offenders.length} ${what}: ${offenders.slice(0, 5).join('; ')}${offenders.length > 5 ? '; …' : ''}`,
      });
  };
  const ids = tracked.orders.map((order) => order.id);
  const orders = await stack.query<OrderRow>(
    'order-service',
    'SELECT id::text AS id, status::text AS status FROM orders WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const statusOf = new Map(orders.map((order) => [order.id, order.status]));
  const withStatus = (status: OrderRow['status']) =>
    orders.filter((order) => order.status === status).map((order) => order.id);
  const [confirmed, cancelled, pending] = [
    withStatus('CONFIRMED'),
    withStatus('CANCELLED'),
    withStatus('PENDING'),
  ];
  flag(
    'every-order-terminal',
    [...pending, ...ids.filter((id) => !statusOf.has(id))],
    'orders not CONFIRMED or CANCELLED',
  );

  await checkStock(stack, tracked, confirmed, flag);
  await checkPayments(stack, statusOf, flag);
  await checkMail(stack, tracked, statusOf, flag);
  await checkAnalytics(stack, statusOf, before, flag);
  return {
    tally: { confirmed: confirmed.length, cancelled: cancelled.length, stuck: pending.length },
    violations,
  };
}

const CHARGED_NOT_REFUNDED = ['SUCCEEDED', 'CHARGE_DUE', 'CHARGING'];

type Flag = (invariant: string, offenders: readonly string[], what: string) => void;

async function checkStock(stack: FaultStack, tracked: Tracked, confirmed: string[], flag: Flag) {
  const productIds = tracked.products.map((product) => product.id);
  const products = await stack.query<{
    id: string;
    stock: number;
    reserved: number;
    sold: number;
    initial_stock: number;
    restocked: number;
  }>(
    'inventory-service',
    `SELECT id::text AS id, stock, reserved, sold, initial_stock, restocked
     FROM products WHERE id = ANY($1::uuid[])`,
    [productIds],
  );
  const soldByOrders = await stack.query<{ product_id: string; units: number }>(
    'order-service',
    `SELECT product_id::text AS product_id, sum(quantity)::int AS units
     FROM order_items WHERE order_id = ANY($1::uuid[]) GROUP BY product_id`,
    [confirmed],
  );
  const units = new Map(soldByOrders.map((row) => [row.product_id, row.units]));
  flag(
    'stock-conserved',
    products
      .filter(
        (p) =>
          p.stock + p.sold !== p.initial_stock + p.restocked || p.sold !== (units.get(p.id) ?? 0),
      )
      .map(
        (p) =>
          `${p.id} stock ${p.stock} + sold ${p.sold} vs initial ${p.initial_stock} + restocked ${p.restocked}, confirmed units ${units.get(p.id) ?? 0}`,
      ),
    'products whose stock does not add up',
  );
  flag(
    'stock-never-negative',
    products
      .filter((p) => p.stock < 0 || p.reserved < 0 || p.sold < 0 || p.stock < p.reserved)
      .map((p) => p.id),
    'products with a negative count',
  );
  flag(
    'reserved-back-to-0',
    products.filter((p) => p.reserved !== 0).map((p) => `${p.id} reserved ${p.reserved}`),
    'products with stock left reserved',
  );
  const held = await stack.query<{ order_id: string }>(
    'inventory-service',
    `SELECT order_id::text AS order_id FROM reservations
     WHERE order_id = ANY($1::uuid[]) AND status = 'RESERVED'`,
    [tracked.orders.map((order) => order.id)],
  );
  flag(
    'reserved-back-to-0',
    held.map((row) => row.order_id),
    'settled orders still holding a reservation',
  );
}

async function checkPayments(stack: FaultStack, statusOf: ReadonlyMap<string, string>, flag: Flag) {
  const payments = await stack.query<{ order_id: string; status: string }>(
    'payment-service',
    `SELECT order_id::text AS order_id, status::text AS status
     FROM payments WHERE order_id = ANY($1::uuid[])`,
    [[...statusOf.keys()]],
  );
  const paymentOf = new Map(payments.map((payment) => [payment.order_id, payment]));
  const unpaid: string[] = [];
  const unrefunded: string[] = [];
  for (const [orderId, status] of statusOf) {
    const payment = paymentOf.get(orderId);
    if (status === 'CONFIRMED' && payment?.status !== 'SUCCEEDED')
      unpaid.push(`${orderId} (payment ${payment?.status ?? 'none'})`);
    // A charge is SUCCEEDED (kept) or REFUNDED; FAILED was never captured.
    if (status === 'CANCELLED' && payment && CHARGED_NOT_REFUNDED.includes(payment.status))
      unrefunded.push(`${orderId} (payment ${payment.status})`);
  }
  flag(
    'one-charge-per-confirmed-order',
    unpaid,
    'confirmed orders without exactly one successful charge',
  );
  flag(
    'refund-per-charged-cancelled-order',
    unrefunded,
    'cancelled orders charged and not refunded',
  );
}

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

async function checkMail(
  stack: FaultStack,
  tracked: Tracked,
  statusOf: ReadonlyMap<string, string>,
  flag: Flag,
) {
  const { json } = await callJson('GET', `${stack.mailUrl()}/api/messages`);
  const mails = json as Mail[];
  const confirmations = new Map<string, number>();
  const welcomes = new Map<string, number>();
  for (const mail of mails) {
    if (/ is confirmed$/.test(mail.subject)) {
      const orderId = /Your order ([0-9a-f-]{36}) /.exec(mail.text)?.[1];
      if (orderId) confirmations.set(orderId, (confirmations.get(orderId) ?? 0) + 1);
    }
    if (mail.subject.startsWith('Welcome to kafka-commerce'))
      for (const to of mail.to) welcomes.set(to, (welcomes.get(to) ?? 0) + 1);
  }
  const wrong: string[] = [];
  for (const [orderId, status] of statusOf) {
    const sent = confirmations.get(orderId) ?? 0;
    if ((status === 'CONFIRMED' && sent !== 1) || sent > 1)
      wrong.push(`${orderId} (${status}, ${sent} sent)`);
  }
  flag(
    'one-confirmation-email-per-confirmed-order',
    wrong,
    'orders with a wrong number of confirmation emails',
  );
  flag(
    'one-welcome-email-per-user',
    tracked.customers
      .filter((customer) => welcomes.get(customer.email) !== 1)
      .map((customer) => `${customer.email} (${welcomes.get(customer.email) ?? 0} sent)`),
    'customers with a wrong number of welcome emails',
  );
}

async function checkAnalytics(
  stack: FaultStack,
  statusOf: ReadonlyMap<string, string>,
  before: Baseline,
  flag: Flag,
) {
  const after = await takeBaseline(stack);
  const delta = (map: 'analytics' | 'orders', key: string) =>
    (after[map].get(key) ?? 0) - (before[map].get(key) ?? 0);
  const created = ['PENDING', 'CONFIRMED', 'CANCELLED'].reduce(
    (sum, s) => sum + delta('orders', s),
    0,
  );
  const expected: [string, number][] = [
    ['orders.created', created],
    ['orders.confirmed', delta('orders', 'CONFIRMED')],
    ['orders.cancelled', delta('orders', 'CANCELLED')],
  ];
  flag(
    'analytics-deltas-equal-counts',
    expected
      .filter(([metric, count]) => delta('analytics', metric) !== count)
      .map(
        ([metric, count]) =>
          `${metric} moved by ${delta('analytics', metric)}, order-service by ${count}`,
      ),
    'analytics counters that do not match order-service',
  );
  const projections = await stack.query<{ order_id: string; status: string }>(
    'analytics-service',
    `SELECT order_id::text AS order_id, status::text AS status FROM order_projections
     WHERE order_id = ANY($1::uuid[])`,
    [[...statusOf.keys()]],
  );
  const seen = new Map(projections.map((row) => [row.order_id, row.status]));
  flag(
    'analytics-deltas-equal-counts',
    [...statusOf]
      .filter(([orderId, status]) => seen.get(orderId) !== status)
      .map(
        ([orderId, status]) =>
          `${orderId} ${status} in order-service, ${seen.get(orderId) ?? 'unknown'} in analytics`,
      ),
    'orders analytics sees in another status',
  );
}
