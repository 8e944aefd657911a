import { setTimeout as sleep } from 'node:timers/promises';
import { consumerLag } from './broker';
import { SERVICE_NAMES } from '@kafka-commerce/events';
import { type FaultStack } from './fault-stack';

const POLL_MS = 250;

/** What still moves; quiet when every field is zero. */
export interface Motion {
  readonly pendingOrders: number;
  readonly outboxRows: number;
  readonly unsentNotifications: number;
  readonly paymentsInFlight: number;
  readonly lag: number;
  /** Where the lag is: "<group> <topic>/<partition>: <messages>", the largest first. */
  readonly lagging?: readonly string[];
}

async function motion(stack: FaultStack, orderIds: readonly string[]): Promise<Motion> {
  const count = async (
    service: (typeof SERVICE_NAMES)[number],
    sql: string,
    values: unknown[] = [],
  ) => (await stack.query<{ n: number }>(service, sql, values))[0]?.n ?? 0;
  const outbox = await Promise.all(
    SERVICE_NAMES.map((service) => count(service, 'SELECT count(*)::int AS n FROM outbox_events')),
  );
  const lags = await consumerLag(stack);
  return {
    pendingOrders: await count(
      'order-service',
      `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [orderIds],
    ),
    outboxRows: outbox.reduce((a, b) => a + b, 0),
    unsentNotifications: await count(
      'notification-service',
      `SELECT count(*)::int AS n FROM notifications WHERE status = 'PENDING'`,
    ),
    paymentsInFlight: await count(
      'payment-service',
      `SELECT count(*)::int AS n FROM payments
       WHERE order_id = ANY($1::uuid[]) AND status IN ('CHARGE_DUE', 'CHARGING')`,
      [orderIds],
    ),
    lag: lags.reduce((sum, lag) => sum + lag.lag, 0),
    lagging: lags
      .sort((a, b) => b.lag - a.lag)
      .slice(0, 5)
      .map((l) => `${l.group} ${l.topic}/${l.partition}: ${l.lag}`),
  };
}

const isQuiet = (m: Motion): boolean =>
  m.pendingOrders + m.outboxRows + m.unsentNotifications + m.paymentsInFlight + m.lag === 0;

/**
 * Waits until the stack is at rest: the orders terminal, every outbox drained, no mail
 * waiting, no charge in flight and every consumer group at the end of every topic — seen in
 * two polls in a row, since the checks are not one atomic read. Returns what still moved at
 * the deadline, or undefined when quiet.
 */
export async function awaitQuiescence(
  stack: FaultStack,
  orderIds: readonly string[],
  deadlineMs: number,
): Promise<Motion | undefined> {
  const deadline = Date.now() + deadlineMs;
  let last: Motion | undefined;
  let quietPolls = 0;
  do {
    try {
      last = await motion(stack, orderIds);
      quietPolls = isQuiet(last) ? quietPolls + 1 : 0;
      if (quietPolls >= 2) return undefined;
    } catch {
      quietPolls = 0; // a database or the broker is still coming back
    }
    await sleep(POLL_MS);
  } while (Date.now() < deadline);
  return (
    last ?? {
      pendingOrders: -1,
      outboxRows: -1,
      unsentNotifications: -1,
      paymentsInFlight: -1,
      lag: -1,
    }
  );
}
