import { randomUUID } from 'node:crypto';
import { type TopicName } from '@kafka-commerce/events';
import { KafkaEventServer, Outbox } from '@kafka-commerce/messaging';
import { type TestBroker, waitFor } from '@kafka-commerce/testing';
import { type Consumer } from 'kafkajs';
import {
  type ConsumerApp,
  inTransaction,
  kafkaClient,
  produce,
  rawSql,
  toMessage,
  userEvent,
} from './messaging-test-kit';
import { type OwnBrokerConsumer, startOwnBrokerConsumer } from './own-broker-consumer';

// This suite stops its broker, so it has one of its own.
const LOCAL_BROKER = { name: 'recovery', localPort: 29494 };
const TOPIC = `recovery-${randomUUID().slice(0, 8)}` as TopicName;
const SERVICE = `int-${randomUUID().slice(0, 8)}`;
const KEY = randomUUID();
/** The outage the issue describes: long enough for every consumer to give up on its fetches. */
const OUTAGE_MS = 30_000;

let fixture: OwnBrokerConsumer;
let broker: TestBroker;
let db: OwnBrokerConsumer['db'];
let consumer: ConsumerApp;

beforeAll(async () => {
  fixture = await startOwnBrokerConsumer({
    broker: LOCAL_BROKER,
    topic: TOPIC,
    serviceName: SERVICE,
    // A service's relay settings (its back-off while Kafka is down is part of recovery).
    relay: {},
  });
  ({ broker, db, consumer } = fixture);
});

afterAll(() => fixture.close());

/** The labels applied for KEY, once `label` is among them. */
function applied(label: string, timeoutMs = 120_000): Promise<string[]> {
  return waitFor(
    async () => {
      const { rows } = await db.pool.query<{ label: string }>(
        'SELECT label FROM effects WHERE message_key = $1 ORDER BY seq',
        [KEY],
      );
      const labels = rows.map((row) => row.label);
      return labels.includes(label) ? labels : undefined;
    },
    { timeoutMs, intervalMs: 50, description: `event "${label}" applied` },
  );
}

/** When a fresh client first gets an answer from the broker (metadata of the cluster). */
function brokerAnswers(): Promise<number> {
  return waitFor(
    async () => {
      const admin = kafkaClient(broker.brokers).admin({ retry: { retries: 0 } });
      try {
        await admin.connect();
        await admin.describeCluster();
        return Date.now();
      } finally {
        await admin.disconnect();
      }
    },
    { timeoutMs: 60_000, intervalMs: 50, description: 'the broker answering' },
  );
}

describe('Kafka down for 30 s, then back', () => {
  it('consumes again without a restart, events produced meanwhile and after included', async () => {
    const consumers = consumer.app.get(KafkaEventServer).unwrap<Consumer[]>();
    const crashes: { restart: boolean; error: string }[] = [];
    const joins: number[] = [];
    for (const kafkaConsumer of consumers) {
      kafkaConsumer.on(kafkaConsumer.events.CRASH, ({ payload }) => {
        crashes.push({
          restart: payload.restart,
          error: `${payload.error.name}: ${payload.error.message}`,
        });
      });
      kafkaConsumer.on(kafkaConsumer.events.GROUP_JOIN, () => {
        joins.push(Date.now());
      });
    }
    await produce(TOPIC, [toMessage(userEvent(TOPIC, KEY, 'before'))], broker.brokers);
    await applied('before');

    const down = Date.now();
    await broker.stop();
    // Written while Kafka is down: the relay publishes it once the broker is back.
    await inTransaction(db.pool, (client) =>
      new Outbox().append(rawSql(client), [userEvent(TOPIC, KEY, 'during')]),
    );
    // The outage itself is the scenario (not a guess at how long something takes).
    await waitFor(() => Promise.resolve(Date.now() - down >= OUTAGE_MS ? true : undefined), {
      timeoutMs: OUTAGE_MS + 5000,
      intervalMs: 500,
      description: `a ${String(OUTAGE_MS)} ms outage`,
    });
    await broker.start();
    const answered = await brokerAnswers();
    const relayed = waitFor(
      async () => {
        const { rows } = await db.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM outbox_events',
        );
        return rows[0]?.n === 0 ? Date.now() - answered : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 50, description: 'the outbox relayed' },
    );

    await produce(TOPIC, [toMessage(userEvent(TOPIC, KEY, 'after'))], broker.brokers);
    await applied('after');
    const consumedAfter = Date.now() - answered;
    const relayedAfter = await relayed;
    const labels = await applied('during');

    process.stdout.write(
      `recovery after the broker answered: consumer ${String(consumedAfter)} ms, ` +
        `outbox relay ${String(relayedAfter)} ms; outage ${String(answered - down)} ms; ` +
        `consumer crashes ${String(crashes.length)}; group joins since: ${joins
          .filter((at) => at >= answered)
          .map((at) => String(at - answered))
          .join(', ')} ms\n${crashes.map((crash) => `  ${crash.error}`).join('\n')}\n`,
    );
    // Every event once; a consumer that crashed without restarting would never have got here.
    expect([...labels].sort()).toEqual(['after', 'before', 'during']);
    expect(crashes.filter((crash) => !crash.restart)).toEqual([]);
  });
});
