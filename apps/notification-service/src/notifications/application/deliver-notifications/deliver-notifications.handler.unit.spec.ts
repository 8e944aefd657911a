import { Logger } from '@nestjs/common';
import {
  DELIVERY_LEASE_MS,
  FRESH_DELIVERY_GRACE_MS,
  MAX_DELIVERY_ATTEMPTS,
} from '../../domain/delivery-schedule';
import { type NotificationDraft } from '../../domain/notification';
import { InMemoryDeliveryQueue } from '../../../testing/in-memory-delivery-queue';
import { InMemoryNotificationState } from '../../../testing/in-memory-notification-state';
import { RecordingNotificationChannels } from '../../../testing/recording-notification-channels';
import { PermanentDeliveryError } from '../ports/notification-channels';
import { DeliverNotificationsHandler, SEND_CONCURRENCY } from './deliver-notifications.handler';

function draft(recipient: string): NotificationDraft {
  return {
    channel: 'email',
    template: 'welcome',
    recipient,
    userId: null,
    orderId: null,
    subject: `Welcome ${recipient}`,
    body: 'Hi\n',
  };
}

function setUp() {
  const state = new InMemoryNotificationState();
  const channels = new RecordingNotificationChannels();
  const delivery = new DeliverNotificationsHandler(new InMemoryDeliveryQueue(state), channels);
  return { state, channels, delivery };
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('DeliverNotificationsHandler', () => {
  it('sends new notifications right away and marks them SENT', async () => {
    const { state, channels, delivery } = setUp();
    const ids = state.insert('event-1', [draft('a@example.com')]);

    const report = await delivery.deliverNew(ids);

    expect(report).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(channels.delivered.map((message) => message.recipient)).toEqual(['a@example.com']);
    expect(state.byId(ids[0]!)).toMatchObject({ status: 'SENT', attempts: 1, nextAttemptAt: null });
  });

  it('on failure marks FAILED with the error and retries later in the background', async () => {
    const { state, channels, delivery } = setUp();
    const ids = state.insert('event-1', [draft('a@example.com')]);
    channels.failing = new Error('connect ECONNREFUSED 127.0.0.1:1025');

    expect(await delivery.deliverNew(ids)).toEqual({ claimed: 1, sent: 0, failed: 1 });
    const row = state.byId(ids[0]!);
    expect(row).toMatchObject({ status: 'FAILED', error: 'connect ECONNREFUSED 127.0.0.1:1025' });
    expect(row.nextAttemptAt).toBe(state.now + 5_000);

    channels.failing = null;
    expect((await delivery.deliverDue(10)).claimed).toBe(0); // not due yet
    state.now += 5_000;
    expect(await delivery.deliverDue(10)).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, error: null });
  });

  it('records a permanent refusal FAILED with its reason and never retries it', async () => {
    const { state, channels, delivery } = setUp();
    const ids = state.insert('event-1', [draft('+15005550001')]);
    channels.failing = new PermanentDeliveryError(
      "SMS provider refused the message: HTTP 400 (code 21211): The 'To' number is not valid.",
    );

    expect(await delivery.deliverNew(ids)).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(state.byId(ids[0]!)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      nextAttemptAt: null,
      error: expect.stringContaining('code 21211'),
    });
    channels.failing = null;
    state.now += 24 * 60 * 60_000;
    expect((await delivery.deliverDue(10)).claimed).toBe(0);
    expect(channels.delivered).toHaveLength(0);
  });

  it('leaves a new notification to the background sender when its instance never sent it', async () => {
    const { state, channels, delivery } = setUp();
    // Stored and committed, then the process died before deliverNew.
    const [id] = state.insert('event-1', [draft('a@example.com')]);

    expect((await delivery.deliverDue(10)).claimed).toBe(0); // still in its grace period
    state.now += FRESH_DELIVERY_GRACE_MS;
    await delivery.deliverDue(10);

    expect(channels.delivered).toHaveLength(1);
    expect(state.byId(id!).status).toBe('SENT');
  });

  it('never sends a notification twice while an attempt holds its lease', async () => {
    const { state, channels, delivery } = setUp();
    const ids = state.insert('event-1', [draft('a@example.com')]);
    await delivery.deliverNew(ids);
    await delivery.deliverNew(ids); // e.g. the same ids handed over twice
    state.now += DELIVERY_LEASE_MS * 10;
    await delivery.deliverDue(10);

    expect(channels.delivered).toHaveLength(1);
  });

  it('retries an attempt abandoned mid-flight once its lease runs out (at least once)', async () => {
    const { state, channels, delivery } = setUp();
    const queue = new InMemoryDeliveryQueue(state);
    const [id] = state.insert('event-1', [draft('a@example.com')]);
    // A sender claimed it and crashed before marking it.
    await queue.claimNew([id!], DELIVERY_LEASE_MS);

    state.now += FRESH_DELIVERY_GRACE_MS;
    expect((await delivery.deliverDue(10)).claimed).toBe(0); // the lease still holds
    state.now += DELIVERY_LEASE_MS;
    await delivery.deliverDue(10);

    expect(channels.delivered).toHaveLength(1);
    expect(state.byId(id!)).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('gives up after the last attempt, keeping the row FAILED with its error', async () => {
    const { state, channels, delivery } = setUp();
    const [id] = state.insert('event-1', [draft('a@example.com')]);
    channels.failing = new Error('550 mailbox unavailable');

    await delivery.deliverNew([id!]);
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      state.now += 60 * 60_000;
      await delivery.deliverDue(10);
    }
    state.now += 24 * 60 * 60_000;
    expect((await delivery.deliverDue(10)).claimed).toBe(0);
    expect(state.byId(id!)).toMatchObject({
      status: 'FAILED',
      attempts: MAX_DELIVERY_ATTEMPTS,
      nextAttemptAt: null,
      error: '550 mailbox unavailable',
    });
  });

  it('sends a batch with mixed outcomes and reports them', async () => {
    const { state, channels, delivery } = setUp();
    const ids = state.insert('event-1', [
      { ...draft('a@example.com'), template: 'welcome' },
      { ...draft('b@example.com'), template: 'order-confirmed' },
    ]);
    const original = channels.deliver.bind(channels);
    channels.deliver = (notification) =>
      notification.recipient === 'b@example.com'
        ? Promise.reject(new Error('rejected'))
        : original(notification);

    expect(await delivery.deliverNew(ids)).toEqual({ claimed: 2, sent: 1, failed: 1 });
    expect(state.notifications.map((row) => row.status)).toEqual(['SENT', 'FAILED']);
  });

  it('leaves what it has no time for to the background sender, unclaimed', async () => {
    const { state, channels, delivery } = setUp();
    const drafts = Array.from({ length: SEND_CONCURRENCY + 3 }, (_, n) => ({
      ...draft(`user-${n}@example.com`),
      template: 'welcome' as const,
    }));
    const ids = drafts.flatMap((one, n) => state.insert(`event-${n}`, [one]));

    const report = await delivery.deliverNew(ids, 0); // budget used up after the first chunk

    expect(report).toEqual({ claimed: SEND_CONCURRENCY, sent: SEND_CONCURRENCY, failed: 0 });
    const untouched = state.notifications.filter((row) => row.attempts === 0);
    expect(untouched).toHaveLength(3);
    state.now += FRESH_DELIVERY_GRACE_MS;
    await delivery.deliverDue(100);
    expect(channels.delivered).toHaveLength(SEND_CONCURRENCY + 3);
    expect(state.notifications.every((row) => row.status === 'SENT')).toBe(true);
  });

  it('stops after a chunk that failed entirely: the channel is down', async () => {
    const { state, channels, delivery } = setUp();
    const ids = Array.from({ length: SEND_CONCURRENCY * 3 }, (_, n) =>
      state.insert(`event-${n}`, [draft(`user-${n}@example.com`)]),
    ).flat();
    channels.failing = new Error('connect ECONNREFUSED');

    expect(await delivery.deliverNew(ids)).toEqual({
      claimed: SEND_CONCURRENCY,
      sent: 0,
      failed: SEND_CONCURRENCY,
    });
    expect(state.notifications.filter((row) => row.attempts === 0)).toHaveLength(
      SEND_CONCURRENCY * 2,
    );
  });

  describe('notifications stored already claimed', () => {
    it('sends them without claiming them again and marks them SENT', async () => {
      const { state, channels, delivery } = setUp();
      const claimed = state.insertClaimed('event-1', [draft('a@example.com')], DELIVERY_LEASE_MS);

      expect(await delivery.deliverClaimed(claimed)).toEqual({ claimed: 1, sent: 1, failed: 0 });
      expect(channels.delivered.map((message) => message.recipient)).toEqual(['a@example.com']);
      expect(state.byId(claimed[0]!.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    });

    it('on failure marks FAILED and retries on the same schedule as the first attempt', async () => {
      const { state, channels, delivery } = setUp();
      const claimed = state.insertClaimed('event-1', [draft('a@example.com')], DELIVERY_LEASE_MS);
      channels.failing = new Error('connect ECONNREFUSED 127.0.0.1:1025');

      await delivery.deliverClaimed(claimed);
      expect(state.byId(claimed[0]!.id)).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        nextAttemptAt: state.now + 5_000,
      });
    });

    it('leaves one its instance never sent to the background sender once the lease runs out', async () => {
      const { state, channels, delivery } = setUp();
      // Stored claimed and committed, then the process died before sending.
      const [stored] = state.insertClaimed('event-1', [draft('a@example.com')], DELIVERY_LEASE_MS);

      state.now += FRESH_DELIVERY_GRACE_MS;
      expect((await delivery.deliverDue(10)).claimed).toBe(0); // the lease still holds
      state.now += DELIVERY_LEASE_MS;
      await delivery.deliverDue(10);

      expect(channels.delivered).toHaveLength(1);
      expect(state.byId(stored!.id)).toMatchObject({ status: 'SENT', attempts: 2 });
    });

    it('releases those it has no time for: due at once, their attempt not counted', async () => {
      const { state, channels, delivery } = setUp();
      const claimed = Array.from({ length: SEND_CONCURRENCY + 3 }, (_, n) =>
        state.insertClaimed(`event-${n}`, [draft(`user-${n}@example.com`)], DELIVERY_LEASE_MS),
      ).flat();

      const report = await delivery.deliverClaimed(claimed, 0); // budget used up after one chunk

      expect(report).toEqual({ claimed: SEND_CONCURRENCY, sent: SEND_CONCURRENCY, failed: 0 });
      const released = state.notifications.filter((row) => row.status === 'PENDING');
      expect(released).toHaveLength(3);
      expect(released.every((row) => row.attempts === 0 && row.nextAttemptAt === state.now)).toBe(
        true,
      );
      await delivery.deliverDue(100);
      expect(channels.delivered).toHaveLength(SEND_CONCURRENCY + 3);
      expect(released.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
    });

    it('releases the rest after a chunk that failed entirely', async () => {
      const { state, channels, delivery } = setUp();
      const claimed = Array.from({ length: SEND_CONCURRENCY * 2 }, (_, n) =>
        state.insertClaimed(`event-${n}`, [draft(`user-${n}@example.com`)], DELIVERY_LEASE_MS),
      ).flat();
      channels.failing = new Error('connect ECONNREFUSED');

      expect(await delivery.deliverClaimed(claimed)).toEqual({
        claimed: SEND_CONCURRENCY,
        sent: 0,
        failed: SEND_CONCURRENCY,
      });
      expect(state.notifications.filter((row) => row.attempts === 0)).toHaveLength(
        SEND_CONCURRENCY,
      );
      expect(state.notifications.filter((row) => row.status === 'FAILED')).toHaveLength(
        SEND_CONCURRENCY,
      );
    });
  });

  it('swallows queue errors after the commit: the background sender is the safety net', async () => {
    const state = new InMemoryNotificationState();
    const queue = new InMemoryDeliveryQueue(state);
    queue.claimNew = () => Promise.reject(new Error('database unavailable'));
    const delivery = new DeliverNotificationsHandler(queue, new RecordingNotificationChannels());

    await expect(delivery.deliverNew(['notification-1'])).resolves.toEqual({
      claimed: 0,
      sent: 0,
      failed: 0,
    });
  });
});
