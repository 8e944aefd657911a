import { randomUUID } from 'node:crypto';
import {
  createKafkaClient,
  EventPublisher,
  MessagingMetrics,
  Outbox,
  OutboxRelay,
} from '@kafka-commerce/messaging';
import { waitFor } from '@kafka-commerce/testing';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import {
  brokers,
  createMessagingDatabase,
  createTopics,
  inTransaction,
  rawSql,
  readUntil,
  userEvent,
} from './messaging-test-kit';

const TOPIC = `relay-${randomUUID().slice(0, 8)}`;
const KEYS = Array.from({ length: 5 }, () => randomUUID());
const EVENTS_PER_KEY = 60;
const RELAYS = 3;

let db: Awaited<ReturnType<typeof createMessagingDatabase>>;

beforeAll(async () => {
  db = await createMessagingDatabase(`relay_${TOPIC.slice(6)}`);
  await createTopics(TOPIC, 3);
});

afterAll(async () => {
  await db.pool.end();
});

describe('several outbox relays on one database (scale-out)', () => {
  it('share the rows and never reorder a key', async () => {
    // All relays run before anything is written, so they compete for every batch (of 7 rows).
    const instances = await Promise.all(
      Array.from({ length: RELAYS }, (_, index) => startRelay(index)),
    );
    try {
      const outbox = new Outbox();
      const written = new Map<string, string[]>(KEYS.map((key) => [key, []]));
      for (let sequence = 1; sequence <= EVENTS_PER_KEY; sequence++) {
        await inTransaction(db.pool, (client) => {
          const events = KEYS.map((key) => userEvent(TOPIC, key, `seq-${sequence}`));
          for (const event of events) written.get(event.key)?.push(event.envelope.eventId);
          return outbox.append(rawSql(client), events);
        });
      }
      const total = KEYS.length * EVENTS_PER_KEY;
      const messages = await readUntil(TOPIC, (seen) => seen.length >= total);
      for (const key of KEYS) {
        const published = messages
          .filter((message) => message.key?.toString() === key)
          .map(
            (message) =>
              (JSON.parse(message.value?.toString() ?? '{}') as { eventId: string }).eventId,
          );
        expect(published).toEqual(written.get(key));
      }
      await waitFor(
        async () => ((await instances[0]?.relay.measureLag())?.pending === 0 ? true : undefined),
        {
          description: 'an empty outbox',
        },
      );
      // The order held while several relays really interleaved.
      const counts = await Promise.all(instances.map((instance) => instance.published()));
      expect(counts.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }
  });
});

async function startRelay(index: number) {
  const registry = new Registry();
  const metrics = new MessagingMetrics(registry);
  const publisher = new EventPublisher(
    createKafkaClient({ clientId: `relay-${index}`, brokers: brokers() }),
  );
  await publisher.connect();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const relay = new OutboxRelay(pool, publisher, metrics, {
    databaseUrl: db.url,
    batchSize: 7,
    pollIntervalMs: 50,
  });
  relay.start();
  return {
    relay,
    published: async () => (await metrics.outboxPublished.get()).values[0]?.value ?? 0,
    stop: async () => {
      await relay.stop();
      await publisher.disconnect();
      await pool.end();
    },
  };
}
