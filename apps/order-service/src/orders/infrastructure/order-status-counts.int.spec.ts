import { DatabasePool } from '@kafka-commerce/platform';
import { createTestDatabase, type TestDatabase } from '@kafka-commerce/testing';
import { aPendingOrder } from '../../testing/order-builders';
import { type Order } from '../domain/order';
import { INSERT_ORDER_SQL, insertOrderParameters } from './order-insert.sql';
import { countOrdersByStatus } from './order-status-counts.sql';

let db: TestDatabase<DatabasePool>;

async function store(order: Order): Promise<void> {
  await db.pool.query(INSERT_ORDER_SQL, [...insertOrderParameters(order), '[]']);
}

beforeAll(async () => {
  db = await createTestDatabase(
    'order',
    'counts',
    (url) => new DatabasePool({ connectionString: url, max: 2 }),
  );
});

afterAll(async () => {
  await db.drop();
});

describe('countOrdersByStatus', () => {
  it('finds nothing to count in an empty table', async () => {
    expect(await countOrdersByStatus(db.pool)).toEqual([]);
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

    const counts = await countOrdersByStatus(db.pool);

    expect(counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'CANCELLED', count: 2, oldestPlacedAt: placedAt(15) },
      { status: 'CONFIRMED', count: 1, oldestPlacedAt: placedAt(5) },
      { status: 'PENDING', count: 3, oldestPlacedAt: placedAt(10) },
    ]);
  });
});
