import { Logger } from '@nestjs/common';
import { waitFor } from '@kafka-commerce/testing';
import {
  type DeliverNotificationsHandler,
  type DeliveryReport,
} from '../application/deliver-notifications/deliver-notifications.handler';
import { PendingNotificationsPoller } from './pending-notifications-poller';

beforeAll(() => {
  Logger.overrideLogger(false);
});

/** A delivery stub answering each round from a script (a number claimed, or an error). */
function scriptedDelivery(script: (number | Error)[]) {
  const rounds: number[] = [];
  const delivery = {
    deliverDue: (limit: number): Promise<DeliveryReport> => {
      rounds.push(limit);
      const next = script.shift() ?? 0;
      return next instanceof Error
        ? Promise.reject(next)
        : Promise.resolve({ claimed: next, sent: next, failed: 0 });
    },
  };
  return { rounds, delivery: delivery as unknown as DeliverNotificationsHandler };
}

describe('PendingNotificationsPoller', () => {
  it('runs rounds back to back while they come back full, then waits', async () => {
    const { rounds, delivery } = scriptedDelivery([32, 32, 5]);
    const poller = new PendingNotificationsPoller(delivery);
    poller.onApplicationBootstrap();
    await waitFor(() => Promise.resolve(rounds.length >= 3 ? true : undefined), { timeoutMs: 500 });
    await poller.onModuleDestroy(); // wakes it from its sleep and waits for the loop
    expect(rounds.length).toBe(3);
  });

  it('keeps going after a failing round and stops promptly', async () => {
    const { rounds, delivery } = scriptedDelivery([new Error('database unavailable'), 0]);
    const poller = new PendingNotificationsPoller(delivery);
    poller.onApplicationBootstrap();
    await waitFor(() => Promise.resolve(rounds.length >= 1 ? true : undefined), { timeoutMs: 500 });
    const started = Date.now();
    await poller.onModuleDestroy();
    expect(Date.now() - started).toBeLessThan(500);
  });
});
