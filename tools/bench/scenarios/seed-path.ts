import { randomBytes, randomUUID } from 'node:crypto';
import {
  createEvent,
  type OutgoingEvent,
  userRegisteredV1,
  userRegisteredV1Fixture,
} from '@kafka-commerce/events';
import {
  createKafkaClient,
  eventHeaders,
  type Inbox,
  Outbox,
  outboxInsertSql,
} from '@kafka-commerce/messaging';
import { type Message } from 'kafkajs';
import { type Pool } from 'pg';
import { type BenchContext } from '../context';
import { createTopic } from '../topic';
import { type UserRegisteredEvent } from './nest-runtime';
import { pgRawSql } from './pg-raw-sql';
import { KAFKA_CLIENT_OVERRIDES } from './scenario';

/**
 * The product's own path, as a service writes it: the use case's row and its event in one
 * statement (the outbox append as a CTE, like order-service's POST /orders), so one round trip
 * commits both; the relay publishes the event after the commit.
 */
const REGISTER_SQL = `
  WITH registration AS (
    INSERT INTO registrations (user_id, event_id) VALUES ($1::uuid, $2::uuid)
  ), events AS (${outboxInsertSql('$3')})
  SELECT 1`;

/** One effect row per newly claimed event, in one statement for the whole batch. */
const applySql = (table: 'effects' | 'seed_effects') => `
  INSERT INTO ${table} (event_id, user_id)
  SELECT (doc->>'eventId')::uuid, (doc->>'userId')::uuid
  FROM jsonb_array_elements($1::jsonb) AS doc`;

export const SEED_PARTITIONS = 6;
const outbox = new Outbox();

/** A user.registered event for a new user, sent to the bench's topic instead of `users`. */
export function registrationEvent(topic: string): OutgoingEvent {
  const userId = randomUUID();
  const event = createEvent(
    userRegisteredV1,
    { ...userRegisteredV1Fixture, userId, email: `seed-${userId}@example.com` },
    { producer: 'bench', correlationId: userId },
  );
  return { ...event, topic };
}

/** The use case: one registration (the event's user) and its event, committed together. */
export async function register(pool: Pool, event: OutgoingEvent): Promise<void> {
  await pool.query(REGISTER_SQL, [event.key, event.envelope.eventId, outbox.rowsOf([event])]);
}

/** The event as Kafka carries it: what the relay sends for an outbox row. */
export function messageOf(event: OutgoingEvent): Message {
  return {
    key: event.key,
    value: JSON.stringify(event.envelope),
    headers: eventHeaders(event.envelope),
  };
}

/**
 * What a real batch consumer does: one transaction per fetched batch that claims the events
 * in the inbox and writes an effect row (into `table`) for each newly claimed one.
 */
export async function applyIdempotently(
  pool: Pool,
  inbox: Inbox,
  consumer: string,
  events: readonly UserRegisteredEvent[],
  table: 'effects' | 'seed_effects' = 'seed_effects',
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await inbox.claim(
      pgRawSql(client),
      consumer,
      events.map((event) => event.eventId),
    );
    const effects = events
      .filter((event) => claimed.has(event.eventId))
      .map((event) => ({ eventId: event.eventId, userId: event.payload.userId }));
    if (effects.length > 0) await client.query(applySql(table), [JSON.stringify(effects)]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A fresh topic for one run (the name says which scenario made it). */
export async function freshTopic(bench: BenchContext, prefix: string): Promise<string> {
  const topic = `${prefix}-${randomBytes(4).toString('hex')}`;
  await createTopic(benchKafka(bench), topic, SEED_PARTITIONS);
  return topic;
}

/** A kafkajs client with the runtime's settings, for the raw baselines. */
export function benchKafka(bench: BenchContext, clientId = 'bench') {
  return createKafkaClient({ clientId, brokers: bench.brokers }, KAFKA_CLIENT_OVERRIDES);
}
