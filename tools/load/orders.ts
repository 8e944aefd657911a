import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { databaseUrl, resolveProfile, serviceUrl } from '../stack/profile';
import { adminCredentials, bearer, callJson, login, serviceSpec } from './http-client';
import { type CpuSnapshot, cpuSpent, stackProcessGroups, takeCpuSnapshot } from './cpu-accounting';

/**
 * `pnpm load:orders`: places a bounded number of orders against a running stack
 * (`pnpm stack:up`), at a fixed concurrency or a paced rate, and reports orders/s,
 * placed→confirmed latency (from the orders' own status history: server clock, not client
 * polling) and the CPU milliseconds per order each process of the stack spent (from /proc,
 * steady on a noisy machine). Loopback only; bounded in count and time.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '20' },
    rate: { type: 'string' },
  },
});
const ORDERS = Math.min(Number(values.orders), 20_000);
const CONCURRENCY = Math.min(Number(values.concurrency), 256);
const RATE = values.rate === undefined ? undefined : Number(values.rate);
const DEADLINE_MS = 300_000;
const profile = resolveProfile('dev', process.env);
const url = (name: string, path: string) => `${serviceUrl(profile, serviceSpec(name))}${path}`;

async function call(method: string, target: string, body?: unknown, token?: string) {
  return callJson(method, target, body, token ? bearer(token) : {});
}

/** A customer, a product with enough stock, and the order body they will place. */
async function prepare(): Promise<{ token: string; order: unknown }> {
  const { email: adminEmail, password: adminPassword } = adminCredentials(process.env);
  const admin = await login(url('user-service', ''), adminEmail, adminPassword);
  const product = await call(
    'POST',
    url('inventory-service', '/products'),
    {
      sku: `LOAD-${randomUUID().slice(0, 8)}`,
      name: 'Load test item',
      price: '9.99',
      stock: ORDERS * 2,
      lowStockThreshold: 0,
    },
    admin,
  );
  const productId = (product.json as { id: string }).id;
  const email = `load-${randomUUID().slice(0, 8)}@example.com`;
  await call('POST', url('user-service', '/users'), {
    email,
    username: 'load',
    password: 'correct horse battery',
  });
  const token = await login(url('user-service', ''), email, 'correct horse battery');
  const order = {
    items: [{ productId, quantity: 1 }],
    shippingAddress: { street: '1 Main St', city: 'X', postalCode: '1', country: 'US' },
    paymentMethod: 'card',
  };
  // The product reaches order-service's catalog through Kafka: wait until an order is taken.
  for (let probe = 0; ; probe++) {
    const { status } = await call('POST', url('order-service', '/orders'), order, token);
    if (status === 202) break;
    if (probe > 200) throw new Error('product never reached the order catalog');
    await sleep(50);
  }
  return { token, order };
}

async function placeAll(token: string, order: unknown): Promise<string[]> {
  const ids: string[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ORDERS) {
        const index = next++;
        // Paced: order n leaves at n / rate seconds, whatever the previous ones took.
        if (RATE !== undefined) await sleep(started + (index * 1000) / RATE - Date.now());
        const { status, json } = await call('POST', url('order-service', '/orders'), order, token);
        if (status !== 202) throw new Error(`order rejected: ${status} ${JSON.stringify(json)}`);
        ids.push((json as { id: string }).id);
      }
    }),
  );
  return ids;
}

/** Polls order-service's database (not its API, which would add CPU to what we measure). */
async function awaitSettled(orders: Client, ids: readonly string[]): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { rows } = await orders.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM orders WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [ids],
    );
    const pending = rows[0]?.pending ?? 0;
    if (pending === 0 || Date.now() - started > DEADLINE_MS) return pending;
    await sleep(50);
  }
}

/**
 * Emails, analytics and the relays' last batches trail the order's own settlement: wait
 * until the whole stack is idle again (under 3 % of a core for half a second), so the CPU
 * they spend on these orders is counted.
 */
async function awaitIdle(): Promise<CpuSnapshot> {
  const groups = stackProcessGroups(profile);
  let previous = takeCpuSnapshot(groups);
  for (let round = 0; round < 60; round++) {
    await sleep(500);
    const now = takeCpuSnapshot(groups);
    const spent = [...cpuSpent(previous, now).values()].reduce((a, b) => a + b, 0);
    if (spent < 15) return now;
    previous = now;
  }
  return previous;
}

async function latencies(orders: Client, ids: readonly string[]): Promise<number[]> {
  const { rows } = await orders.query<{ ms: number }>(
    `SELECT (EXTRACT(EPOCH FROM (c.at - p.at)) * 1000)::float8 AS ms
     FROM order_status_history p
     JOIN order_status_history c ON c.order_id = p.order_id AND c.status = 'CONFIRMED'
     WHERE p.order_id = ANY($1::uuid[]) AND p.status = 'PENDING'
     ORDER BY ms`,
    [ids],
  );
  return rows.map((row) => row.ms);
}

async function main(): Promise<void> {
  const orders = new Client({
    connectionString: databaseUrl(profile, serviceSpec('order-service')),
  });
  await orders.connect();
  try {
    const { token, order } = await prepare();
    await awaitIdle();
    const groups = stackProcessGroups(profile);
    const before = takeCpuSnapshot(groups);
    const started = Date.now();
    const ids = await placeAll(token, order);
    const placedIn = Date.now() - started;
    const unsettled = await awaitSettled(orders, ids);
    const settledIn = Date.now() - started;
    const cpu = cpuSpent(before, await awaitIdle());
    const confirmed = await latencies(orders, ids);
    const percentile = (p: number) =>
      confirmed[Math.min(confirmed.length - 1, Math.floor((p / 100) * confirmed.length))] ?? NaN;
    const perOrder = (ms: number) => Math.round((ms / ORDERS) * 100) / 100;
    const totalCpu = [...cpu].filter(([name]) => name !== 'mailcatcher');
    console.log(
      JSON.stringify(
        {
          orders: ORDERS,
          concurrency: CONCURRENCY,
          ...(RATE === undefined ? {} : { ratePerSecond: RATE }),
          confirmed: confirmed.length,
          unsettled,
          placedPerSecond: Math.round((ORDERS / placedIn) * 1000),
          confirmedPerSecond: Math.round((confirmed.length / settledIn) * 1000),
          latencyMs: {
            p50: Math.round(percentile(50)),
            p90: Math.round(percentile(90)),
            p99: Math.round(percentile(99)),
            max: Math.round(confirmed.at(-1) ?? NaN),
          },
          cpuMsPerOrder: {
            total: perOrder(totalCpu.reduce((sum, [, ms]) => sum + ms, 0)),
            ...Object.fromEntries([...cpu].map(([name, ms]) => [name, perOrder(ms)])),
          },
        },
        null,
        2,
      ),
    );
    if (unsettled > 0 || confirmed.length !== ORDERS) process.exitCode = 1;
  } finally {
    await orders.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
