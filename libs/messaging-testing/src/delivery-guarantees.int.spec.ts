import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { deadLetterTopicOf, type TopicName } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { waitFor } from '@kafka-commerce/testing';
import { EFFECTS_POOL, effectsRecorder, HandlerScript } from './effects-recorder';
import {
  brokers,
  type ConsumerApp,
  createMessagingDatabase,
  createTopics,
  header,
  kafkaClient,
  produce,
  rawSql,
  readUntil,
  startConsumerApp,
  toMessage,
  userEvent,
} from './messaging-test-kit';

const TOPIC = `guarantees-${randomUUID().slice(0, 8)}` as TopicName;
const SERVICE = `int-${randomUUID().slice(0, 8)}`;
const CONSUMER = `${SERVICE}.${TOPIC}`;
const MAX_ATTEMPTS = 4;
const REPO_ROOT = path.resolve(__dirname, '../../..');

const script = new HandlerScript();
let db: Awaited<ReturnType<typeof createMessagingDatabase>>;
let consumer: ConsumerApp;

function start(): Promise<ConsumerApp> {
  return startConsumerApp({
    serviceName: SERVICE,
    databaseUrl: db.url,
    controllers: [effectsRecorder(TOPIC, CONSUMER, script)],
    providers: [{ provide: EFFECTS_POOL, useValue: db.pool }],
    retryPolicy: { maxAttempts: MAX_ATTEMPTS },
  });
}

async function effectsOfKey(key: string): Promise<{ event_id: string; label: string }[]> {
  const result = await db.pool.query<{ event_id: string; label: string }>(
    'SELECT event_id, label FROM effects WHERE message_key = $1 ORDER BY seq',
    [key],
  );
  return result.rows;
}

/** Resolves once `count` effects exist for the key. */
function effectsArrive(key: string, count: number): Promise<{ event_id: string; label: string }[]> {
  return waitFor(
    async () => {
      const rows = await effectsOfKey(key);
      return rows.length >= count ? rows : undefined;
    },
    { description: `${count} effect(s) for key ${key}` },
  );
}

function deadLettersOf(key: string, count: number) {
  return readUntil(
    deadLetterTopicOf(TOPIC),
    (messages) => messages.filter((message) => message.key?.toString() === key).length >= count,
  ).then((messages) => messages.filter((message) => message.key?.toString() === key));
}

// The crash set-up runs before the consumer starts: see the first test.
const crashKey = randomUUID();
const crashed = [userEvent(TOPIC, crashKey, 'crash-1'), userEvent(TOPIC, crashKey, 'crash-2')];

beforeAll(async () => {
  db = await createMessagingDatabase(`guarantees_${SERVICE.slice(4)}`);
  await createTopics(TOPIC, 3);
  // A producer committed these events to its outbox, published them, and crashed before
  // deleting the rows: they are both on Kafka and still in the outbox.
  await new Outbox().append(rawSql(db.pool), crashed);
  await produce(TOPIC, crashed.map(toMessage));
  consumer = await start();
});

afterAll(async () => {
  await consumer.stop();
  await db.pool.end();
});

describe('delivery guarantees (real Kafka, real PostgreSQL)', () => {
  it('publishes outbox rows left by a crash and applies each event exactly once', async () => {
    const rows = await effectsArrive(crashKey, 2);
    await waitFor(
      async () => {
        const { rows: pending } = await db.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM outbox_events',
        );
        return pending[0]?.n === 0 ? true : undefined;
      },
      { description: 'the relay to empty the outbox' },
    );
    // Each event is on the topic twice (the crashed publish and the relay's)...
    const onTopic = await readUntil(
      TOPIC,
      (messages) => messages.filter((m) => m.key?.toString() === crashKey).length >= 4,
    );
    expect(onTopic.filter((m) => m.key?.toString() === crashKey)).toHaveLength(4);
    // ...and applied once, in order.
    expect((await effectsOfKey(crashKey)).map((row) => row.label)).toEqual(['crash-1', 'crash-2']);
    expect(rows.map((row) => row.event_id)).toEqual(crashed.map((event) => event.envelope.eventId));
  });

  it('applies an event delivered twice only once', async () => {
    const key = randomUUID();
    const event = userEvent(TOPIC, key, 'twice');
    const marker = userEvent(TOPIC, key, 'marker');
    await produce(TOPIC, [toMessage(event), toMessage(event), toMessage(marker)]);
    // The marker follows both copies on the same partition, so both copies were consumed.
    expect((await effectsArrive(key, 2)).map((row) => row.label)).toEqual(['twice', 'marker']);
  });

  it('dead-letters every kind of poison message with its reason and keeps consuming the partition', async () => {
    const key = randomUUID();
    const valid = userEvent(TOPIC, key, 'after-poison');
    const envelope = valid.envelope;
    const poison = [
      '{ not json',
      JSON.stringify({
        ...envelope,
        eventId: randomUUID(),
        payload: { ...envelope.payload, email: 'nope' },
      }),
      JSON.stringify({ ...envelope, eventId: randomUUID(), type: 'user.vanished' }),
      JSON.stringify({ ...envelope, eventId: randomUUID(), version: 99 }),
    ];
    await produce(TOPIC, [...poison.map((value) => ({ key, value })), toMessage(valid)]);

    expect((await effectsArrive(key, 1)).map((row) => row.label)).toEqual(['after-poison']);
    const letters = await deadLettersOf(key, 4);
    expect(letters.map((letter) => header(letter, 'dlq-reason')).sort()).toEqual([
      'invalid_json',
      'invalid_payload',
      'unknown_type',
      'unsupported_version',
    ]);
    for (const letter of letters) {
      expect(header(letter, 'dlq-source-topic')).toBe(TOPIC);
      expect(header(letter, 'dlq-consumer')).toBe(CONSUMER);
      expect(header(letter, 'dlq-source-offset')).toMatch(/^\d+$/);
    }
  });

  it('retries a failing handler in order: later events of its key wait, and it is applied once', async () => {
    const key = randomUUID();
    const flaky = userEvent(TOPIC, key, 'flaky');
    const next = userEvent(TOPIC, key, 'next');
    script.failuresLeft.set(flaky.envelope.eventId, 3);
    await produce(TOPIC, [toMessage(flaky), toMessage(next)]);

    expect((await effectsArrive(key, 2)).map((row) => row.label)).toEqual(['flaky', 'next']);
    expect(script.failuresLeft.get(flaky.envelope.eventId)).toBe(0);
  });

  it('dead-letters an event whose handler always fails, and applies it once after a fix and a redrive', async () => {
    const key = randomUUID();
    const broken = userEvent(TOPIC, key, 'broken');
    const after = userEvent(TOPIC, key, 'after-broken');
    script.alwaysFail.add(broken.envelope.eventId);
    await produce(TOPIC, [toMessage(broken), toMessage(after)]);

    expect((await effectsArrive(key, 1)).map((row) => row.label)).toEqual(['after-broken']);
    const [letter] = await deadLettersOf(key, 1);
    expect(letter && header(letter, 'dlq-reason')).toBe('handler_failed');
    expect(letter && header(letter, 'dlq-attempts')).toBe(String(MAX_ATTEMPTS));
    expect(letter && header(letter, 'dlq-error')).toContain(
      `handler is broken for ${broken.envelope.eventId}`,
    );

    script.alwaysFail.delete(broken.envelope.eventId); // the fix is deployed
    const redrive = (): void => {
      execFileSync(
        'pnpm',
        [
          'exec',
          'tsx',
          'tools/dlq/cli.ts',
          'redrive',
          '--topic',
          TOPIC,
          '--key',
          key,
          '--brokers',
          brokers().join(','),
        ],
        {
          cwd: REPO_ROOT,
          stdio: 'pipe',
        },
      );
    };
    redrive();
    expect((await effectsArrive(key, 2)).map((row) => row.label)).toEqual([
      'after-broken',
      'broken',
    ]);

    // Redriving again republishes it, and the inbox absorbs it.
    redrive();
    const marker = userEvent(TOPIC, key, 'marker');
    await produce(TOPIC, [toMessage(marker)]);
    expect((await effectsArrive(key, 3)).map((row) => row.label)).toEqual([
      'after-broken',
      'broken',
      'marker',
    ]);
  });

  it('changes nothing when the whole topic is replayed from offset 0', async () => {
    const effects = async () =>
      (
        await db.pool.query<{ event_id: string; label: string }>(
          'SELECT event_id, label FROM effects ORDER BY seq',
        )
      ).rows;
    const before = await effects();
    await consumer.stop();
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      await admin.resetOffsets({ groupId: CONSUMER, topic: TOPIC, earliest: true });
    } finally {
      await admin.disconnect();
    }
    // One marker at the end of every partition: once all are applied, the consumer has
    // replayed every partition past everything that was on it.
    const markerKey = randomUUID();
    const markers = [0, 1, 2].map((partition) => ({
      ...toMessage(userEvent(TOPIC, markerKey, `end-${partition}`)),
      partition,
    }));
    await produce(TOPIC, markers);
    consumer = await start();
    // Generous: a restarted member may wait out the old member's session before it joins.
    await waitFor(
      async () => ((await effectsOfKey(markerKey)).length === markers.length ? true : undefined),
      {
        timeoutMs: 75_000,
        description: 'the replay to reach the marker at the end of every partition',
      },
    );
    const after = await effects();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(
      after
        .slice(before.length)
        .map((row) => row.label)
        .sort(),
    ).toEqual(['end-0', 'end-1', 'end-2']);
  });
});
