import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client } from 'pg';
import { serviceUrl, type StackProfile } from '../stack/profile';
import { adminCredentials, bearer, callJson, login, serviceSpec } from './http-client';
import { type CpuSnapshot, cpuSpent, type ProcessGroup, takeCpuSnapshot } from './cpu-accounting';

/**
 * Orders placed over HTTP against a running stack, and what the stack's own databases say
 * about them afterwards. Used by `pnpm load:orders` and by the bench's saga scenario.
 */
export interface Customer {
  readonly token: string;
  readonly productId: string;
  /** The POST /orders body every order of the run uses: one unit of the product, paid by card. */
  readonly order: OrderBody;
}

export interface OrderBody {
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
  readonly shippingAddress: Readonly<Record<string, string>>;
  readonly paymentMethod: string;
}

/** How orders leave: `concurrency` at once, optionally paced, until `count` or `durationMs`. */
export interface LoadPlan {
  readonly concurrency: number;
  /** Orders per second; order n leaves at n / rate seconds, whatever the previous ones took. */
  readonly ratePerSecond?: number;
  readonly count?: number;
  readonly durationMs?: number;
}

export function serviceUrlOf(profile: StackProfile, name: string, path: string): string {
  return `${serviceUrl(profile, serviceSpec(name))}${path}`;
}

function call(method: string, target: string, body?: unknown, token?: string) {
  return callJson(method, target, body, token ? bearer(token) : {});
}

function loginAt(profile: StackProfile, email: string, password: string): Promise<string> {
  return login(serviceUrlOf(profile, 'user-service', ''), email, password);
}

/**
 * A new customer and a new product with `stock` units, and the order body they will place;
 * returns once order-service's catalog (fed through Kafka) takes an order for the product.
 * The probe order placed to find out is one of the product's orders too: `probeOrderId`.
 */
export async function prepareCustomer(
  profile: StackProfile,
  stock: number,
): Promise<Customer & { readonly probeOrderId: string }> {
  const { email: adminEmail, password: adminPassword } = adminCredentials(process.env);
  const admin = await loginAt(profile, adminEmail, adminPassword);
  const product = await call(
    'POST',
    serviceUrlOf(profile, 'inventory-service', '/products'),
    {
      sku: `LOAD-${randomUUID().slice(0, 8)}`,
      name: 'Load test item',
      price: '9.99',
      stock,
      lowStockThreshold: 0,
    },
    admin,
  );
  if (product.status !== 201) throw new Error(`creating the product failed: ${product.status}`);
  const productId = (product.json as { id: string }).id;
  const email = `load-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery';
  await call('POST', serviceUrlOf(profile, 'user-service', '/users'), {
    email,
    username: 'load',
    password,
  });
  const token = await loginAt(profile, email, password);
  const order: OrderBody = {
    items: [{ productId, quantity: 1 }],
    shippingAddress: { street: '1 Main St', city: 'X', postalCode: '1', country: 'US' },
    paymentMethod: 'card',
  };
  const probeOrderId = await awaitCatalog(profile, token, order);
  return { token, productId, order, probeOrderId };
}

/** The product reaches order-service's catalog through Kafka: 422 until it has. */
async function awaitCatalog(profile: StackProfile, token: string, order: OrderBody) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { status, json } = await placeOne(profile, token, order);
    if (status === 202) return (json as { id: string }).id;
    if (status !== 422 || Date.now() > deadline) {
      throw new Error(`the product never reached the order catalog (last answer ${status})`);
    }
    await sleep(50);
  }
}

function placeOne(profile: StackProfile, token: string, order: OrderBody) {
  return call('POST', serviceUrlOf(profile, 'order-service', '/orders'), order, token);
}

/** Places orders by the plan; returns their ids (every one answered 202, or this throws). */
export async function placeOrders(
  profile: StackProfile,
  customer: Customer,
  plan: LoadPlan,
): Promise<string[]> {
  const ids: string[] = [];
  const started = Date.now();
  const endsAt = plan.durationMs === undefined ? Infinity : started + plan.durationMs;
  const count = plan.count ?? Infinity;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && Date.now() < endsAt) {
      const index = next++;
      if (plan.ratePerSecond !== undefined) {
        await sleep(Math.max(0, started + (index * 1000) / plan.ratePerSecond - Date.now()));
      }
      const { status, json } = await placeOne(profile, customer.token, customer.order);
      if (status !== 202) throw new Error(`order rejected: ${status} ${JSON.stringify(json)}`);
      ids.push((json as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  return ids;
}

/**
 * Places one order and returns once it is no longer PENDING (for latency on an idle stack).
 * The latency is read from the order's own history, so how often this looks does not change
 * it; looking every 2 ms did, though: on two cores the polling queries took CPU from the
 * order they waited for.
 */
export async function placeAndAwait(
  profile: StackProfile,
  customer: Customer,
  orders: Client,
): Promise<string> {
  const [id] = await placeOrders(profile, customer, { concurrency: 1, count: 1 });
  if (id === undefined) throw new Error('no order placed');
  const unsettled = await awaitSettled(orders, [id], 30_000, 20);
  if (unsettled > 0) throw new Error(`order ${id} did not settle within 30 s`);
  return id;
}

/**
 * Polls order-service's database (not its API, which would add CPU to what is measured)
 * until none of the orders is PENDING or the deadline passed; returns how many still are.
 */
export async function awaitSettled(
  orders: Client,
  ids: readonly string[],
  deadlineMs: number,
  pollMs = 50,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { rows } = await orders.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM orders WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [ids],
    );
    const pending = rows[0]?.pending ?? 0;
    if (pending === 0 || Date.now() - started > deadlineMs) return pending;
    await sleep(pollMs);
  }
}

/**
 * Emails, analytics and the relays' last batches trail the order's own settlement: waits
 * until the processes are idle again (under 3 % of a core for half a second, at most 30 s),
 * so the CPU they spend on these orders is counted.
 */
export async function awaitIdle(groups: readonly ProcessGroup[]): Promise<CpuSnapshot> {
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

/** Placed → confirmed in milliseconds for the confirmed ones, from the orders' own history (server clock). */
export async function confirmationLatencies(
  orders: Client,
  ids: readonly string[],
): Promise<number[]> {
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

/** The p-th percentile (nearest rank) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}
