import { Inbox } from '@kafka-commerce/messaging';
import { Pool } from 'pg';
import { countApplied, resetEffects } from '../database';
import { type Measurement } from '../finish-line';
import { runOnRuntime, type UserRegisteredEvent } from './nest-runtime';
import { pgRawSql } from './pg-raw-sql';
import { PARTITIONS_CONCURRENCY, type Scenario, type ScenarioContext } from './scenario';

// One statement for the whole batch, like the outbox's append.
const APPLY_EFFECTS_SQL = `
  INSERT INTO effects (event_id, user_id)
  SELECT (doc->>'eventId')::uuid, (doc->>'userId')::uuid
  FROM jsonb_array_elements($1::jsonb) AS doc`;

/**
 * What a real batch consumer does: one transaction per fetched batch that claims the events
 * in the inbox and writes an effect row for each newly claimed one. Each round starts from
 * empty tables and checks afterwards that every event was applied exactly once.
 */
export const idempotentBatch: Scenario = {
  id: 'idempotent-batch',
  label: 'idempotent batch: inbox claim + effects, 1 tx/batch',
  async run(context: ScenarioContext, round: number): Promise<Measurement> {
    const serviceName = `bench-idempotent-${round}`;
    const consumer = `${serviceName}.${context.topic}`;
    await resetEffects(context.databaseUrl);
    // One connection per partition processed at once.
    const pool = new Pool({ connectionString: context.databaseUrl, max: PARTITIONS_CONCURRENCY });
    try {
      const measurement = await runOnRuntime(context, {
        label: `idempotent batch round ${round}`,
        serviceName,
        batch: true,
        createHandler: (app) => {
          const inbox = app.get(Inbox);
          return (events) => applyBatch(pool, inbox, consumer, events);
        },
      });
      const applied = await countApplied(context.databaseUrl, consumer);
      if (applied.effects !== context.events || applied.claims !== context.events) {
        throw new Error(
          `idempotent batch round ${round}: expected ${context.events} effects and claims, ` +
            `found ${applied.effects} effects and ${applied.claims} claims`,
        );
      }
      return measurement;
    } finally {
      await pool.end();
    }
  },
};

async function applyBatch(
  pool: Pool,
  inbox: Inbox,
  consumer: string,
  events: readonly UserRegisteredEvent[],
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
    if (effects.length > 0) await client.query(APPLY_EFFECTS_SQL, [JSON.stringify(effects)]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
