import { randomUUID } from 'node:crypto';
import {
  Inbox,
  inlineSql,
  MessagingMetrics,
  transactInTwoTrips,
  transactOnPool,
} from '@kafka-commerce/messaging';
import { type Pool } from 'pg';
import { Registry } from 'prom-client';
import { createMessagingDatabase } from './messaging-test-kit';

const CONSUMER = 'int.apply-once';

let db: { url: string; pool: Pool };
let inbox: Inbox;
let metrics: MessagingMetrics;

beforeAll(async () => {
  db = await createMessagingDatabase(`apply_${randomUUID().slice(0, 8)}`);
  await db.pool.query('CREATE TABLE counters (id TEXT PRIMARY KEY, value INT NOT NULL)');
  metrics = new MessagingMetrics(new Registry());
  inbox = new Inbox(metrics);
});

afterAll(async () => {
  await db.pool.end();
});

async function counter(id: string): Promise<number | undefined> {
  const { rows } = await db.pool.query<{ value: number }>(
    'SELECT value FROM counters WHERE id = $1',
    [id],
  );
  return rows[0]?.value;
}

/** Adds one to the counter as a consumed event would: locking read, decision, write. */
function increment(id: string, eventId: string, fail = false) {
  return inbox.applyOnce(
    db.pool,
    { consumer: CONSUMER, eventId },
    [{ text: 'SELECT value FROM counters WHERE id = $1 FOR UPDATE', values: [id] }],
    ([rows]) => {
      if (fail) throw new Error('decision failed');
      const current = (rows?.[0] as { value: number } | undefined)?.value ?? 0;
      return {
        write: {
          text: `INSERT INTO counters (id, value) VALUES ($1, $2)
                 ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value`,
          values: [id, current + 1],
        },
        result: current + 1,
      };
    },
  );
}

describe('inlineSql', () => {
  it('renders every kind of value so that PostgreSQL reads back exactly what was given', async () => {
    const values = [
      "it's a \\ backslash, a 'quote' and an emoji 🎉",
      42,
      -7.25,
      true,
      null,
      new Date('2026-11-30T01:02:03.456Z'),
      ['a', "b'c", null],
      [1, 2, 3],
      { nested: { text: "x'y" } },
    ];
    const statement = {
      text: `SELECT $1::text AS text, $2::int AS int, $3::numeric::text AS numeric,
                    $4::boolean AS bool, $5::text AS nothing, $6::timestamptz AS at,
                    $7::text[] AS texts, $8::int[] AS ints, $9::jsonb AS json`,
      values,
    };
    const { rows } = await db.pool.query(inlineSql(statement));
    expect(rows[0]).toEqual({
      text: values[0],
      int: 42,
      numeric: '-7.25',
      bool: true,
      nothing: null,
      at: values[5],
      texts: ['a', "b'c", null],
      ints: [1, 2, 3],
      json: { nested: { text: "x'y" } },
    });
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineSql({ text: 'SELECT $1, $2', values: [1] })).toThrow('$2 has no value');
  });
});

describe('Inbox.applyOnce', () => {
  it('applies an event once: a redelivery commits nothing and is counted', async () => {
    const id = randomUUID();
    const eventId = randomUUID();
    expect(await increment(id, eventId)).toEqual({ applied: true, result: 1 });
    expect(await increment(id, eventId)).toEqual({ applied: false });
    expect(await counter(id)).toBe(1);
    const duplicates = await metrics.duplicates.get();
    expect(duplicates.values.find((value) => value.labels.consumer === CONSUMER)?.value).toBe(1);
  });

  it('rolls the claim back with the decision when deciding fails, so a retry applies it', async () => {
    const id = randomUUID();
    const eventId = randomUUID();
    await expect(increment(id, eventId, true)).rejects.toThrow('decision failed');
    expect(await counter(id)).toBeUndefined();
    expect(await increment(id, eventId)).toEqual({ applied: true, result: 1 });
  });

  it('serialises concurrent events on the locked row: none is lost', async () => {
    const id = randomUUID();
    await db.pool.query('INSERT INTO counters (id, value) VALUES ($1, 0)', [id]);
    await Promise.all(Array.from({ length: 20 }, () => increment(id, randomUUID())));
    expect(await counter(id)).toBe(20);
  });

  it('rolls back and rethrows when the write fails, leaving the connection usable', async () => {
    const eventId = randomUUID();
    const failing = transactInTwoTrips(db.pool, [], () => ({
      write: { text: 'INSERT INTO counters (id, value) VALUES ($1, NULL)', values: ['x'] },
      result: null,
    }));
    await expect(failing).rejects.toMatchObject({ code: '23502' });
    expect(await increment(randomUUID(), eventId)).toEqual({ applied: true, result: 1 });
    const { rows } = await db.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(rows[0]?.open).toBe(0);
  });
});

describe('Inbox.applyBatch', () => {
  /** Adds one per new event to the counter, all in one transaction; returns the ids applied. */
  function incrementAll(id: string, eventIds: readonly string[]) {
    return inbox.applyBatch(
      db.pool,
      CONSUMER,
      eventIds,
      [{ text: 'SELECT value FROM counters WHERE id = $1 FOR UPDATE', values: [id] }],
      (isNew, [rows]) => {
        const applied = eventIds.filter(isNew);
        const current = (rows?.[0] as { value: number } | undefined)?.value ?? 0;
        return {
          write: {
            text: `INSERT INTO counters (id, value) VALUES ($1, $2)
                   ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value`,
            values: [id, current + applied.length],
          },
          result: applied,
        };
      },
    );
  }

  it('applies each event of a batch once: one handled before, or held twice, is not new', async () => {
    const id = randomUUID();
    const [handled, fresh, twice] = [randomUUID(), randomUUID(), randomUUID()];
    await incrementAll(id, [handled]);

    const applied = await incrementAll(id, [handled, fresh, twice, twice]);

    expect(applied).toEqual([fresh, twice]);
    expect(await counter(id)).toBe(3);
  });
});

describe('transactOnPool', () => {
  it('commits what the work wrote when it resolves, and nothing when it throws', async () => {
    const [kept, dropped] = [randomUUID(), randomUUID()];
    await transactOnPool(db.pool, (client) =>
      client.$executeRawUnsafe('INSERT INTO counters (id, value) VALUES ($1, 1)', kept),
    );
    const failing = transactOnPool(db.pool, async (client) => {
      await client.$executeRawUnsafe('INSERT INTO counters (id, value) VALUES ($1, 1)', dropped);
      throw new Error('work failed');
    });

    await expect(failing).rejects.toThrow('work failed');
    expect(await counter(kept)).toBe(1);
    expect(await counter(dropped)).toBeUndefined();
  });
});
