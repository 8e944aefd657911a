import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabasePool } from '@kafka-commerce/platform';
import { aPendingOrder } from '../../testing/order-builders';
import { type Order } from '../domain/order';
import { INSERT_ORDER_SQL, insertOrderParameters } from './order-insert.sql';
import { countOrdersByStatus } from './order-status-counts.sql';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const MIGRATIONS = path.resolve(__dirname, '../../../../../prisma/order/migrations');
// The name says it is a test database, so nothing but a test ever drops it.
const DATABASE = `kc_order_counts_${randomUUID().slice(0, 8)}_test`;

let pool: DatabasePool;

async function onServer(statement: string): Promise<void> {
  const admin = new DatabasePool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** order-service's schema, from its committed migrations, oldest first. */
async function migrate(): Promise<void> {
  const names = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    await pool.query(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
  }
}

async function store(order: Order): Promise<void> {
  await pool.query(INSERT_ORDER_SQL, [...insertOrderParameters(order), '[]']);
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${DATABASE}`);
  pool = new DatabasePool({ connectionString: `${POSTGRES_URL}/${DATABASE}`, max: 2 });
  await migrate();
});

afterAll(async () => {
  await pool.end();
  await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('countOrdersByStatus', () => {
  it('finds nothing to count in an empty table', async () => {
    expect(await countOrdersByStatus(pool)).toEqual([]);
  });

  it('counts every status in one read, with the oldest order of each', async () => {
    const placedAt = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute));
    const orders = [
      aPendingOrder({ status: 'PENDING', createdAt: placedAt(30) }),
      aPendingOrder({ status: 'PENDING', createdAt: placedAt(10) }),
      aPendingOrder({ status: 'PENDING', createdAt: placedAt(20) }),
      aPendingOrder({ status: 'CONFIRMED', createdAt: placedAt(5) }),
      aPendingOrder({ status: 'CANCELLED', createdAt: placedAt(15) }),
      aPendingOrder({ status: 'CANCELLED', createdAt: placedAt(45) }),
    ];
    for (const order of orders) await store(order);

    const counts = await countOrdersByStatus(pool);

    expect(counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'CANCELLED', count: 2, oldestPlacedAt: placedAt(15) },
      { status: 'CONFIRMED', count: 1, oldestPlacedAt: placedAt(5) },
      { status: 'PENDING', count: 3, oldestPlacedAt: placedAt(10) },
    ]);
  });
});
