import { Inbox } from '@kafka-commerce/messaging';
import { Pool } from 'pg';
import { countApplied, resetEffects } from '../database';
import { type Measurement } from '../finish-line';
import { runOnRuntime } from './nest-runtime';
import { applyIdempotently } from './seed-path';
import { PARTITIONS_CONCURRENCY, type Scenario, type ScenarioContext } from './scenario';

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
          return (events) => applyIdempotently(pool, inbox, consumer, events, 'effects');
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
