import { randomUUID } from 'node:crypto';
import { toDecimal } from '@kafka-commerce/money';
import { Inbox, type MessagingMetrics, Outbox } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { createTestDatabase, type TestDatabase, waitFor } from '@kafka-commerce/testing';
import { type PaymentDatabase } from '../../database';
import { paymentProcessedEvent, paymentRefundedEvent } from '../application/payment-events';
import { type DecidePaymentChange } from '../application/ports/payment-repository';
import {
  allowCharge,
  cancelPayment,
  needsRefund,
  openPayment,
  type Payment,
  recordCharge,
  recordRefund,
  sendCharge,
} from '../domain/payment';
import { type PaymentRecord, selectPayment, toPaymentFromRecord } from './payment.sql';
import { PrismaPaymentRepository } from './prisma-payment-repository';

// What lockAndLoad's FOR UPDATE protects: every change of a payment is read, decided and
// written in one transaction, and two of them on the same payment — from two instances, or
// from the two topics' consumers of one instance — must run one after the other, the second
// deciding on what the first stored. Each test holds a first transaction open between its
// locking read and its write, starts a second one on the same payment, and only then lets
// the first finish. With the lock, the second waits and decides on the first's result;
// without it, the second decides on the stale row and one of the two changes is lost.

const ORDERS_CONSUMER = 'payment-service.orders';

/** The test's own connections: seeding, reading back, holding the outbox, watching locks. */
let db: TestDatabase<DatabasePool>;
let pool: DatabasePool;
/** Two service instances, each with its own connection pool. */
const instances: { pool: DatabasePool; payments: PrismaPaymentRepository }[] = [];

function anInstance() {
  const instancePool = new DatabasePool({
    connectionString: db.url,
    max: 2,
  });
  // changeAll runs on the pool alone: Prisma's client serves other reads, and the inbox
  // counts only duplicates in its metrics, which these tests never send.
  const metrics = { duplicates: { inc: () => undefined } } as unknown as MessagingMetrics;
  const payments = new PrismaPaymentRepository(
    {} as PaymentDatabase,
    instancePool,
    new Inbox(metrics),
    new Outbox(),
  );
  return { pool: instancePool, payments };
}

beforeAll(async () => {
  db = await createTestDatabase(
    'payment',
    'locks',
    (url) => new DatabasePool({ connectionString: url, max: 3 }),
  );
  pool = db.pool;
  instances.push(anInstance(), anInstance());
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.pool.end()));
  await db.drop();
});

function instance(index: 0 | 1): PrismaPaymentRepository {
  const found = instances[index];
  if (!found) throw new Error(`no instance ${index}`);
  return found.payments;
}

/** The order's payment as stored. */
async function stored(orderId: string): Promise<Payment | null> {
  const query = selectPayment(orderId);
  const { rows } = await pool.query<PaymentRecord>(query.text, query.values);
  return rows[0] ? toPaymentFromRecord(rows[0]) : null;
}

/** The types of the order's events in the outbox, oldest first. */
async function outboxOf(orderId: string): Promise<string[]> {
  const { rows } = await pool.query<{ type: string }>(
    `SELECT value::jsonb->>'type' AS type FROM outbox_events WHERE message_key = $1 ORDER BY id`,
    [orderId],
  );
  return rows.map((row) => row.type);
}

/** Applies the transitions one transaction each, with no event: the payment's history. */
async function seed(orderId: string, ...steps: ((current: Payment | null) => Payment | null)[]) {
  for (const step of steps) {
    await instance(0).change(orderId, null, (current) => {
      const payment = step(current);
      if (!payment) throw new Error('a seeding step changed nothing');
      return { payment, events: [] };
    });
  }
}

const identity = (orderId: string) => ({ id: randomUUID(), orderId, now: new Date() });
const terms = { userId: randomUUID(), amount: toDecimal('44.98'), method: 'card' };

/** Opened, allowed and sent: the gateway may have charged it. */
async function aPaymentBeingCharged(orderId: string): Promise<void> {
  await seed(
    orderId,
    (current) => openPayment(current, terms, identity(orderId)),
    (current) => allowCharge(current, identity(orderId)),
    sendCharge,
  );
}

const captured = { status: 'SUCCEEDED', providerReference: 'test_ch_1' } as const;

/** The settlement's recording of the gateway's answer, with its payment.processed. */
function recordTheCharge(causationId: string): DecidePaymentChange {
  const processedAt = new Date();
  return (current) => {
    const charged = recordCharge(current, captured, processedAt);
    return (
      charged && {
        payment: charged,
        events: [paymentProcessedEvent(charged, causationId, processedAt)],
      }
    );
  };
}

/** The settlement's recording of a refund, with its payment.refunded. */
function recordTheRefund(causationId: string): DecidePaymentChange {
  const refundedAt = new Date();
  return (current) => {
    const refunded = recordRefund(current, 're_test_ch_1', refundedAt);
    return (
      refunded && {
        payment: refunded,
        events: [paymentRefundedEvent(refunded, causationId, refundedAt)],
      }
    );
  };
}

/** Sessions of the test database waiting for a lock another one holds. */
async function sessionsWaitingForALock(): Promise<number> {
  const { rows } = await pool.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]?.waiting ?? 0;
}

/**
 * Holds the outbox table from a session of the test's own, so that a transaction appending
 * events stops right before its write — after its locking read, with its locks held — until
 * the returned function lets it go.
 */
async function holdTheOutbox(): Promise<() => Promise<void>> {
  const holder = await pool.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE outbox_events IN SHARE MODE');
  return async () => {
    await holder.query('COMMIT');
    holder.release();
  };
}

/** Starts the first change and returns once it has read (and, with the lock, locked) the payment. */
async function firstChangeHeldAfterItsRead<T>(change: () => Promise<T>) {
  const release = await holdTheOutbox();
  const first = change();
  await waitFor(async () => ((await sessionsWaitingForALock()) === 1 ? true : undefined), {
    description: 'the first change to wait at its write',
  });
  return { first, release };
}

/** Returns once the change waits for a lock (beyond the `alreadyWaiting`) or has finished. */
async function waitingOrFinished(change: Promise<unknown>, alreadyWaiting: number): Promise<void> {
  let finished = false;
  const done = () => {
    finished = true;
  };
  void change.then(done, done);
  await waitFor(
    async () => (finished || (await sessionsWaitingForALock()) > alreadyWaiting ? true : undefined),
    { description: 'the second change to wait for a lock or finish' },
  );
}

describe('PrismaPaymentRepository: one change of a payment at a time', () => {
  it('a cancellation handled while another instance records the charge is kept, so the charge is refunded', async () => {
    const orderId = randomUUID();
    await aPaymentBeingCharged(orderId);

    const { first: recording, release } = await firstChangeHeldAfterItsRead(() =>
      instance(0).change(orderId, null, recordTheCharge(randomUUID())),
    );
    const cancelling = instance(1).change(
      orderId,
      { consumer: ORDERS_CONSUMER, eventId: randomUUID() },
      (current) => {
        const cancelled = cancelPayment(current, identity(orderId));
        return cancelled && { payment: cancelled, events: [] };
      },
    );
    await waitingOrFinished(cancelling, 1);
    await release();
    await Promise.all([recording, cancelling]);

    const payment = await stored(orderId);
    expect(payment).toMatchObject({ status: 'SUCCEEDED', cancelRequested: true });
    expect(payment && needsRefund(payment)).toBe(true);
    expect(await outboxOf(orderId)).toEqual(['payment.processed']);
  });

  it('two instances recording the same refund record it once, with one payment.refunded', async () => {
    const orderId = randomUUID();
    await aPaymentBeingCharged(orderId);
    await seed(
      orderId,
      (current) => recordCharge(current, captured, new Date()),
      (current) => cancelPayment(current, identity(orderId)),
    );

    const { first, release } = await firstChangeHeldAfterItsRead(() =>
      instance(0).change(orderId, null, recordTheRefund(randomUUID())),
    );
    const second = instance(1).change(orderId, null, recordTheRefund(randomUUID()));
    await waitingOrFinished(second, 1);
    await release();
    const outcomes = await Promise.all([first, second]);

    expect(outcomes.map((outcome) => outcome.changed)).toEqual([true, false]);
    expect(await stored(orderId)).toMatchObject({ status: 'REFUNDED' });
    expect(await outboxOf(orderId)).toEqual(['payment.refunded']);
  });
});
