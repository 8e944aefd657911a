import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Inbox, MessagingMetrics, Outbox } from '@kafka-commerce/messaging';
import { DatabasePool, ServiceMetrics } from '@kafka-commerce/platform';
import { createTestDatabase, type TestDatabase, waitFor } from '@kafka-commerce/testing';
import { confirmCommand, releaseCommand, reserveCommand } from '../../testing/order-commands';
import { aProduct } from '../../testing/product-builder';
import {
  ApplyOrderCommandsHandler,
  type OrderCommand,
} from '../application/apply-order-commands/apply-order-commands.handler';
import { ConfirmReservationHandler } from '../application/confirm-reservation/confirm-reservation.handler';
import { ReleaseReservationHandler } from '../application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from '../application/reserve-stock/reserve-stock.handler';
import { type Product } from '../domain/product';
import { PrismaStockLedger } from './prisma-stock-ledger';

// The stock ledger's locks against a real PostgreSQL, with two transactions that really run
// at once. Each batch locks its orders' reservations (FOR UPDATE OF r), then their products
// (FOR UPDATE, in id order) before it decides, so that:
// - two orders after the last units of one product never both get them (the product lock);
// - a cancellation racing the confirmation of the same order settles it once, on the state
//   the other left (the reservation lock).
// Each test fails if its lock is taken out of prisma-stock-ledger.ts / product-record.ts.

const CONSUMER = 'inventory-service.orders';

let db: TestDatabase<DatabasePool>;
let pool: DatabasePool;
let orders: ApplyOrderCommandsHandler;

beforeAll(async () => {
  Logger.overrideLogger(false);
  // Two ledger transactions, the connection that holds one of them back, and the probes.
  db = await createTestDatabase(
    'inventory',
    'stock_ledger',
    (url) => new DatabasePool({ connectionString: url, max: 5 }),
  );
  pool = db.pool;
  const metrics = new MessagingMetrics(new ServiceMetrics('inventory-int').registry);
  const ledger = new PrismaStockLedger(pool, new Inbox(metrics), new Outbox());
  orders = new ApplyOrderCommandsHandler(
    ledger,
    new ReserveStockHandler(ledger),
    new ConfirmReservationHandler(ledger),
    new ReleaseReservationHandler(ledger),
  );
});

afterAll(async () => {
  await db.drop();
});

function apply(command: OrderCommand): Promise<void> {
  return orders.execute(CONSUMER, [command]);
}

async function store(product: Product): Promise<void> {
  await pool.query(
    `INSERT INTO products (id, sku, name, price, stock, reserved, sold, initial_stock, restocked,
       low_stock_threshold, low_stock_alerted, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())`,
    [
      product.id,
      product.sku,
      product.name,
      product.price,
      product.stock,
      product.reserved,
      product.sold,
      product.initialStock,
      product.restocked,
      product.lowStockThreshold,
      product.lowStockAlerted,
      product.createdAt,
    ],
  );
}

async function countersOf(productId: string) {
  const { rows } = await pool.query<{ stock: number; reserved: number; sold: number }>(
    'SELECT stock, reserved, sold FROM products WHERE id = $1',
    [productId],
  );
  return rows[0];
}

async function statusOf(orderId: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ status: string }>(
    'SELECT status::text AS status FROM reservations WHERE order_id = $1',
    [orderId],
  );
  return rows[0]?.status;
}

/** The types of the events published for the order, in the order they were written. */
async function eventsOf(orderId: string): Promise<string[]> {
  const { rows } = await pool.query<{ type: string }>(
    `SELECT value::jsonb->>'type' AS type FROM outbox_events
     WHERE value::jsonb->>'correlationId' = $1 ORDER BY id`,
    [orderId],
  );
  return rows.map((row) => row.type);
}

async function transactionsWaitingForALock(): Promise<number> {
  const { rows } = await pool.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]?.waiting ?? 0;
}

/**
 * Runs `first` and `second` as two concurrent transactions, interleaved where a lock has to
 * do its job: `first` takes its locking reads and is then held back — its inbox claim waits
 * behind an uncommitted claim of the same event on a third connection — while `second`
 * runs. `first` goes on once `second` has either finished (nothing kept it from reading what
 * `first` read, deciding and committing) or is itself waiting for a lock.
 */
async function race(
  first: OrderCommand,
  second: OrderCommand,
): Promise<[PromiseSettledResult<void>, PromiseSettledResult<void>]> {
  const gate = await pool.connect();
  try {
    await gate.query('BEGIN');
    await gate.query('INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2)', [
      CONSUMER,
      first.eventId,
    ]);
    // allSettled at once: a failure is an outcome to assert, never an unhandled rejection.
    const firstOutcome = Promise.allSettled([apply(first)]);
    await waitFor(async () => ((await transactionsWaitingForALock()) === 1 ? true : undefined), {
      intervalMs: 20,
      description: 'the first transaction to hold its locks and wait at its inbox claim',
    });

    let secondFinished = false;
    const secondOutcome = Promise.allSettled([apply(second)]).then((outcome) => {
      secondFinished = true;
      return outcome;
    });
    await waitFor(
      async () =>
        secondFinished || (await transactionsWaitingForALock()) === 2 ? true : undefined,
      { intervalMs: 20, description: 'the second transaction to finish or wait for a lock' },
    );

    await gate.query('ROLLBACK');
    const [[a], [b]] = await Promise.all([firstOutcome, secondOutcome]);
    return [a, b];
  } finally {
    gate.release();
  }
}

describe('PrismaStockLedger under concurrent transactions', () => {
  it('gives the last unit of a product to one of two orders racing for it, and rejects the other', async () => {
    const mug = aProduct({ stock: 1 });
    await store(mug);
    const first = reserveCommand([{ productId: mug.id, quantity: 1 }]);
    const second = reserveCommand([{ productId: mug.id, quantity: 1 }]);

    const outcomes = await race(first, second);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    // The second order waited for the first's lock and then saw the unit gone.
    expect(await statusOf(first.orderId)).toBe('RESERVED');
    expect(await statusOf(second.orderId)).toBe('REJECTED');
    expect(await countersOf(mug.id)).toEqual({ stock: 1, reserved: 1, sold: 0 });
    // Available fell to the threshold (0): one low-stock alert, with the winning order.
    expect(await eventsOf(first.orderId)).toEqual(['inventory.reserved', 'inventory.low-stock']);
    expect(await eventsOf(second.orderId)).toEqual(['inventory.rejected']);
  });

  it.each([
    ['a confirmation', 'a cancellation', confirmCommand, releaseCommand],
    ['a cancellation', 'a confirmation', releaseCommand, confirmCommand],
  ])(
    'settles an order once when %s races %s: released, every unit back',
    async (_first, _second, firstCommand, secondCommand) => {
      const mug = aProduct({ stock: 10 });
      await store(mug);
      const orderId = randomUUID();
      await apply(reserveCommand([{ productId: mug.id, quantity: 3 }], orderId));

      const outcomes = await race(firstCommand(orderId), secondCommand(orderId));

      // The second saw the reservation as the first left it: a release after a confirmation
      // returns the sold units; a confirmation after a release finds nothing to sell.
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await statusOf(orderId)).toBe('RELEASED');
      expect(await countersOf(mug.id)).toEqual({ stock: 10, reserved: 0, sold: 0 });
      expect(await eventsOf(orderId)).toEqual(['inventory.reserved', 'inventory.released']);
    },
  );
});
