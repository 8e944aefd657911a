import { randomUUID } from 'node:crypto';
import { type TopicName } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { type TestBroker, waitFor } from '@kafka-commerce/testing';
import { inTransaction, rawSql, userEvent } from './messaging-test-kit';
import { type OwnBrokerConsumer, startOwnBrokerConsumer } from './own-broker-consumer';

// This suite stops its broker, so it has one of its own.
const LOCAL_BROKER = { name: 'outage', localPort: 29492 };
const TOPIC = `outage-${randomUUID().slice(0, 8)}` as TopicName;
const SERVICE = `int-${randomUUID().slice(0, 8)}`;
const KEYS = Array.from({ length: 4 }, () => randomUUID());
const EVENTS_PER_KEY = 10;

let fixture: OwnBrokerConsumer;
let broker: TestBroker;
let db: OwnBrokerConsumer['db'];

beforeAll(async () => {
  fixture = await startOwnBrokerConsumer({
    broker: LOCAL_BROKER,
    topic: TOPIC,
    serviceName: SERVICE,
  });
  ({ broker, db } = fixture);
});

afterAll(() => fixture.close());

describe('Kafka unavailable while events are written', () => {
  it('delivers every event, in order per key, once the broker is back', async () => {
    await broker.stop();
    const outbox = new Outbox();
    // As services do: each state change commits its event, here one transaction each,
    // interleaving keys.
    for (let sequence = 1; sequence <= EVENTS_PER_KEY; sequence++) {
      for (const key of KEYS) {
        await inTransaction(db.pool, (client) =>
          outbox.append(rawSql(client), [userEvent(TOPIC, key, `seq-${sequence}`)]),
        );
      }
    }
    const { rows } = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox_events',
    );
    expect(rows[0]?.n).toBe(KEYS.length * EVENTS_PER_KEY);

    await broker.start();

    const expected = Array.from({ length: EVENTS_PER_KEY }, (_, index) => `seq-${index + 1}`);
    for (const key of KEYS) {
      const labels = await waitFor(
        async () => {
          const result = await db.pool.query<{ label: string }>(
            'SELECT label FROM effects WHERE message_key = $1 ORDER BY seq',
            [key],
          );
          return result.rows.length >= EVENTS_PER_KEY
            ? result.rows.map((row) => row.label)
            : undefined;
        },
        { timeoutMs: 60_000, description: `all events of key ${key}` },
      );
      expect(labels).toEqual(expected);
    }
  });
});
