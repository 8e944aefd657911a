import { Client } from 'pg';
import { waitFor } from '@kafka-commerce/testing';
import { databaseUrl, kafkaBrokers, type StackProfile } from '../stack/profile';
import { findService } from './backup';
import { consumerLag } from './rewind';

export interface OrderCounts {
  readonly confirmed: number;
  readonly cancelled: number;
  readonly pending: number;
}

/**
 * Quiet: no order of the drill is PENDING, no outbox of the saga holds an unpublished event,
 * and inventory-service has consumed everything on its topics (order.confirmed and
 * order.cancelled of settled orders included).
 */
export async function awaitQuiescence(
  profile: StackProfile,
  orderIds: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const inventory = findService('inventory');
  await waitFor(
    async () => {
      if ((await countOrders(profile, orderIds)).pending > 0) return undefined;
      for (const service of ['order', 'payment', 'inventory']) {
        const [row] = await query<{ n: number }>(
          profile,
          service,
          'SELECT count(*)::int AS n FROM outbox_events',
        );
        if (row?.n !== 0) return undefined;
      }
      return (await consumerLag(kafkaBrokers(profile), inventory)) === 0 ? true : undefined;
    },
    { timeoutMs, intervalMs: 250, description: 'the saga to be quiet after the restore' },
  );
}

export async function countOrders(
  profile: StackProfile,
  orderIds: readonly string[],
): Promise<OrderCounts> {
  const [row] = await query<{ confirmed: number; cancelled: number; pending: number }>(
    profile,
    'order',
    `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending
       FROM orders WHERE id = ANY($1::uuid[])`,
    [orderIds],
  );
  return row ?? { confirmed: 0, cancelled: 0, pending: 0 };
}

type OrderLine = { id: string; status: string; product_id: string; quantity: number };

/**
 * What must hold once quiet (design.md §8): every order settled; inventory's decision on each
 * agrees with the order's outcome; for every product the orders touched, nothing is left
 * reserved and the units sold (and gone from stock) are exactly those of confirmed orders;
 * a confirmed order was charged once. Each violation is one line naming what is wrong.
 */
export async function invariantViolations(
  profile: StackProfile,
  orderIds: readonly string[],
): Promise<string[]> {
  const lines = await query<OrderLine>(
    profile,
    'order',
    `SELECT o.id, o.status, i.product_id, i.quantity
       FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = ANY($1::uuid[])`,
    [orderIds],
  );
  const pending = new Set(lines.filter((line) => line.status === 'PENDING').map((l) => l.id));
  return [
    ...[...pending].map((id) => `order ${id} is stuck PENDING`),
    ...(await decisionViolations(profile, lines)),
    ...(await stockViolations(profile, lines)),
    ...(await paymentViolations(profile, lines)),
  ];
}

async function decisionViolations(
  profile: StackProfile,
  lines: readonly OrderLine[],
): Promise<string[]> {
  const decisions = new Map(
    (
      await query<{ order_id: string; status: string }>(
        profile,
        'inventory',
        'SELECT order_id, status FROM reservations WHERE order_id = ANY($1::uuid[])',
        [lines.map((line) => line.id)],
      )
    ).map((row) => [row.order_id, row.status]),
  );
  const expected: Record<string, readonly string[]> = {
    CONFIRMED: ['CONFIRMED'],
    CANCELLED: ['REJECTED', 'RELEASED'],
  };
  return [...new Map(lines.map((line) => [line.id, line.status]))]
    .filter(([id, status]) => {
      const agreeing = expected[status];
      return agreeing !== undefined && !agreeing.includes(decisions.get(id) ?? 'none');
    })
    .map(
      ([id, status]) =>
        `order ${id} is ${status} but inventory says ${decisions.get(id) ?? 'none'}`,
    );
}

async function stockViolations(
  profile: StackProfile,
  lines: readonly OrderLine[],
): Promise<string[]> {
  const confirmedUnits = new Map<string, number>();
  for (const line of lines) {
    const units = line.status === 'CONFIRMED' ? line.quantity : 0;
    confirmedUnits.set(line.product_id, (confirmedUnits.get(line.product_id) ?? 0) + units);
  }
  const products = await query<{
    id: string;
    stock: number;
    reserved: number;
    sold: number;
    received: number;
  }>(
    profile,
    'inventory',
    `SELECT id, stock, reserved, sold, initial_stock + restocked AS received
       FROM products WHERE id = ANY($1::uuid[])`,
    [[...confirmedUnits.keys()]],
  );
  const unknown = [...confirmedUnits.keys()].filter((id) => !products.some((p) => p.id === id));
  return [
    ...unknown.map((id) => `product ${id} is unknown to inventory-service`),
    ...products.flatMap((product) => {
      const sold = confirmedUnits.get(product.id) ?? 0;
      const wrong: string[] = [];
      if (product.reserved !== 0) wrong.push(`${product.reserved} left reserved`);
      if (product.sold !== sold) wrong.push(`sold ${product.sold}, confirmed orders hold ${sold}`);
      if (product.stock !== product.received - sold)
        wrong.push(`stock ${product.stock}, expected ${product.received} − ${sold}`);
      return wrong.length ? [`product ${product.id}: ${wrong.join('; ')}`] : [];
    }),
  ];
}

async function paymentViolations(
  profile: StackProfile,
  lines: readonly OrderLine[],
): Promise<string[]> {
  const confirmed = [...new Set(lines.filter((l) => l.status === 'CONFIRMED').map((l) => l.id))];
  const paid = new Set(
    (
      await query<{ order_id: string }>(
        profile,
        'payment',
        `SELECT order_id FROM payments WHERE status = 'SUCCEEDED' AND order_id = ANY($1::uuid[])`,
        [confirmed],
      )
    ).map((row) => row.order_id),
  );
  return confirmed
    .filter((id) => !paid.has(id))
    .map((id) => `order ${id} is CONFIRMED without a SUCCEEDED payment`);
}

async function query<TRow extends Record<string, unknown>>(
  profile: StackProfile,
  service: string,
  sql: string,
  values: unknown[] = [],
): Promise<TRow[]> {
  const client = new Client({ connectionString: databaseUrl(profile, findService(service)) });
  await client.connect();
  try {
    return (await client.query<TRow>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
