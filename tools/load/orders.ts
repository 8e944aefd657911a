import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

/**
 * `pnpm load:orders`: places a bounded number of orders at a fixed concurrency against a
 * running stack (`pnpm stack:up`) and reports orders/s and placed→confirmed latency, taken
 * from the orders' own status history (server clock), not from client polling.
 * Loopback only; bounded in count and time.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '20' },
    'base-port': { type: 'string', default: '3000' },
  },
});
const ORDERS = Math.min(Number(values.orders), 5000);
const CONCURRENCY = Math.min(Number(values.concurrency), 100);
const base = Number(values['base-port']);
const url = (service: number, path: string) => `http://127.0.0.1:${base + service}${path}`;
const USER = 1;
const ORDER = 2;
const INVENTORY = 4;
const DEADLINE_MS = 120_000;

interface History {
  status: string;
  at: string;
}

async function call(
  method: string,
  target: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(target, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

async function login(email: string, password: string): Promise<string> {
  const { json } = await call('POST', url(USER, '/auth/login'), { email, password });
  return (json as { accessToken: string }).accessToken;
}

async function main(): Promise<void> {
  const admin = await login(
    process.env.ADMIN_EMAIL ?? 'admin@kafka-commerce.local',
    process.env.ADMIN_PASSWORD ?? 'admin-password',
  );
  const product = await call(
    'POST',
    url(INVENTORY, '/products'),
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
  await call('POST', url(USER, '/users'), {
    email,
    username: 'load',
    password: 'correct horse battery',
  });
  const token = await login(email, 'correct horse battery');
  const order = {
    items: [{ productId, quantity: 1 }],
    shippingAddress: { street: '1 Main St', city: 'X', postalCode: '1', country: 'US' },
    paymentMethod: 'card',
  };
  // Wait until order-service's catalog knows the product (it arrives through Kafka).
  for (let probe = 0; ; probe++) {
    const { status } = await call('POST', url(ORDER, '/orders'), order, token);
    if (status === 202) break;
    if (probe > 200) throw new Error('product never reached the order catalog');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const ids: string[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ORDERS) {
        next++;
        const { status, json } = await call('POST', url(ORDER, '/orders'), order, token);
        if (status !== 202) throw new Error(`order rejected: ${status} ${JSON.stringify(json)}`);
        ids.push((json as { id: string }).id);
      }
    }),
  );
  const placedIn = Date.now() - started;

  const latencies: number[] = [];
  const pending = new Set(ids);
  while (pending.size > 0 && Date.now() - started < DEADLINE_MS) {
    for (const id of [...pending]) {
      const { json } = await call('GET', url(ORDER, `/orders/${id}`), undefined, token);
      const { status, history } = json as { status: string; history: History[] };
      if (status === 'PENDING') continue;
      pending.delete(id);
      const placed = history.find((entry) => entry.status === 'PENDING');
      const confirmed = history.find((entry) => entry.status === 'CONFIRMED');
      if (placed && confirmed) latencies.push(Date.parse(confirmed.at) - Date.parse(placed.at));
    }
  }
  const settledIn = Date.now() - started;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const report = {
    orders: ORDERS,
    concurrency: CONCURRENCY,
    confirmed: latencies.length,
    unsettled: pending.size,
    placedPerSecond: Math.round((ORDERS / placedIn) * 1000),
    confirmedPerSecond: Math.round((latencies.length / settledIn) * 1000),
    latencyMs: {
      p50: percentile(50),
      p90: percentile(90),
      p99: percentile(99),
      max: latencies.at(-1),
    },
  };
  console.log(JSON.stringify(report, null, 2));
  if (pending.size > 0 || latencies.length !== ORDERS) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
