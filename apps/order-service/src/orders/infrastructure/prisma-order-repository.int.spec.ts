import { randomUUID } from 'node:crypto';
import { Inbox, MessagingMetrics, Outbox } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { createTestDatabase, type TestDatabase, waitFor } from '@kafka-commerce/testing';
import { Registry } from 'prom-client';
import { type OrderDatabase } from '../../database';
import { aPendingOrder } from '../../testing/order-builders';
import { RecordingSettlementObserver } from '../../testing/recording-settlement-observer';
import { CancelOrderHandler } from '../application/cancel-order/cancel-order.handler';
import {
  type SagaOutcome,
  SettleOrderHandler,
} from '../application/settle-order/settle-order.handler';
import { type Order } from '../domain/order';
import { PrismaOrderRepository } from './prisma-order-repository';

// Every change to an order reads it, decides, and writes — in one transaction, across two
// round trips. Its customer's cancel (HTTP) and the saga's events (two consumers) can reach
// the same order at once; the row lock the read takes (lockOrders: FOR UPDATE) makes the
// second wait for the first and decide on what the first decided. These tests hold the
// first transaction between its read and its write, start the second, and only then let
// the first go on: without the lock the second would decide on the order as it was.

jest.setTimeout(30_000);

let db: TestDatabase<DatabasePool>;
let repository: PrismaOrderRepository;

// The changes under test run on the pg pool; the Prisma client only serves other reads.
const prismaNotUsed = new Proxy({} as OrderDatabase, {
  get: () => {
    throw new Error('these tests do not use the Prisma client');
  },
});

beforeAll(async () => {
  // Two racing transactions, the gate, and the probe that watches them wait.
  db = await createTestDatabase(
    'order',
    'locks',
    (url) => new DatabasePool({ connectionString: url, max: 5 }),
  );
  repository = new PrismaOrderRepository(
    prismaNotUsed,
    db.pool,
    new Outbox(),
    new Inbox(new MessagingMetrics(new Registry())),
  );
});

afterAll(async () => {
  await db.drop();
});

function useCases() {
  const observer = new RecordingSettlementObserver();
  const cancelOrder = new CancelOrderHandler(repository, observer);
  const settleOrder = new SettleOrderHandler(repository, observer);
  return {
    observer,
    /** The customer cancels, as POST /orders/:id/cancel does. */
    cancelByCustomer: (order: Order) =>
      cancelOrder.execute({ orderId: order.id, viewer: { userId: order.userId, isAdmin: false } }),
    /** A saga event settles the order, as the payments and reservations consumers do. */
    settle: (order: Order, consumer: string, outcome: SagaOutcome) =>
      settleOrder.execute({ consumer, eventId: randomUUID(), orderId: order.id, outcome }),
  };
}

const CONFIRM: SagaOutcome = { kind: 'confirm' };
const OUT_OF_STOCK: SagaOutcome = { kind: 'cancel', reason: 'out_of_stock' };

async function placed(): Promise<Order> {
  const order = aPendingOrder();
  await repository.create(order, []);
  return order;
}

/** The order as stored: its status, its history and the events it published. */
async function stored(orderId: string) {
  const [order, history, events] = await Promise.all([
    db.pool.query<{ status: string; reason: string | null }>(
      'SELECT status::text, cancellation_reason AS reason FROM orders WHERE id = $1',
      [orderId],
    ),
    db.pool.query<{ status: string }>(
      'SELECT status::text FROM order_status_history WHERE order_id = $1 ORDER BY id',
      [orderId],
    ),
    db.pool.query<{ type: string }>(
      `SELECT value::jsonb->>'type' AS type FROM outbox_events WHERE message_key = $1 ORDER BY id`,
      [orderId],
    ),
  ]);
  return {
    status: order.rows[0]?.status,
    cancellationReason: order.rows[0]?.reason,
    history: history.rows.map((row) => row.status),
    events: events.rows.map((row) => row.type),
  };
}

/** Waits until `count` of this database's sessions wait for a lock. */
async function sessionsWaitingForALock(count: number): Promise<void> {
  await waitFor(
    async () => {
      const { rows } = await db.pool.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return (rows[0]?.waiting ?? 0) >= count ? true : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 20, description: `${count} sessions waiting for a lock` },
  );
}

/**
 * Runs `first` until it has read its order and waits to write, then `second` until it waits
 * too (for `first`'s lock, or — were there none — to write after its own read), then lets
 * both go on. The gate holds back writes of status changes (they insert history rows) but
 * not reads, so `first` keeps whatever its read locked while `second` starts.
 */
async function race<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const gate = await db.pool.connect();
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await gate.query('COMMIT');
  };
  try {
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE order_status_history IN SHARE MODE');
    const a = first();
    // Let go on failure, so a first that fails does not leave the second waiting.
    a.catch(release);
    await sessionsWaitingForALock(1);
    const b = second();
    b.catch(release);
    await sessionsWaitingForALock(2);
    await release();
    return await Promise.all([a, b]);
  } finally {
    await release();
    gate.release();
  }
}

describe('PrismaOrderRepository: changes to one order wait for each other', () => {
  it('a payment arriving while the customer cancels leaves the order cancelled, once', async () => {
    const order = await placed();
    const { cancelByCustomer, settle, observer } = useCases();

    const [cancelled, confirmation] = await race(
      () => cancelByCustomer(order),
      () => settle(order, 'order-service.payments', CONFIRM),
    );

    expect(cancelled.status).toBe('CANCELLED');
    expect(confirmation).toMatchObject({ kind: 'unchanged', order: { status: 'CANCELLED' } });
    expect(await stored(order.id)).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'cancelled_by_customer',
      history: ['PENDING', 'CANCELLED'],
      events: ['order.cancelled'],
    });
    expect(observer.settlements).toEqual([{ status: 'CANCELLED', seconds: expect.any(Number) }]);
  });

  it('of two saga events settling the same order, the first decides and the second changes nothing', async () => {
    const order = await placed();
    const { settle, observer } = useCases();

    const [confirmation, rejection] = await race(
      () => settle(order, 'order-service.payments', CONFIRM),
      () => settle(order, 'order-service.reservations', OUT_OF_STOCK),
    );

    expect(confirmation).toMatchObject({ kind: 'changed', order: { status: 'CONFIRMED' } });
    expect(rejection).toMatchObject({ kind: 'unchanged', order: { status: 'CONFIRMED' } });
    expect(await stored(order.id)).toEqual({
      status: 'CONFIRMED',
      cancellationReason: null,
      history: ['PENDING', 'CONFIRMED'],
      events: ['order.confirmed'],
    });
    expect(observer.settlements).toEqual([{ status: 'CONFIRMED', seconds: expect.any(Number) }]);
  });

  it('a customer cancelling while the payment confirms cancels the confirmed order', async () => {
    const order = await placed();
    const { cancelByCustomer, settle, observer } = useCases();

    const [confirmation, cancelled] = await race(
      () => settle(order, 'order-service.payments', CONFIRM),
      () => cancelByCustomer(order),
    );

    expect(confirmation).toMatchObject({ kind: 'changed', order: { status: 'CONFIRMED' } });
    // The cancel saw the confirmation, history and all: what it answers the customer is
    // the order as stored.
    expect(cancelled.history.map((change) => change.status)).toEqual([
      'PENDING',
      'CONFIRMED',
      'CANCELLED',
    ]);
    expect(await stored(order.id)).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'cancelled_by_customer',
      history: ['PENDING', 'CONFIRMED', 'CANCELLED'],
      events: ['order.confirmed', 'order.cancelled'],
    });
    // The order was settled once, by its confirmation; cancelling it later is no settlement.
    expect(observer.settlements).toEqual([{ status: 'CONFIRMED', seconds: expect.any(Number) }]);
  });
});
