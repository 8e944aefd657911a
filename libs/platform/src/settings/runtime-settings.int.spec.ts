import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { type SettingsSnapshot } from './live-settings';
import { RuntimeSettings } from './runtime-settings';
import { RUNTIME_SETTINGS_TABLES_SQL } from './runtime-settings.sql';
import { RuntimeSettingsStore } from './runtime-settings.store';
import { InvalidSettingsError, type SettingsDefinition } from './settings-definition';
import { SETTINGS_LISTENER_APPLICATION } from './settings-notifications';

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
// The name says it is a test database, so nothing but a test ever drops it.
const DATABASE = `kc_settings_${randomUUID().slice(0, 8)}_test`;
const DATABASE_URL = `${POSTGRES_URL}/${DATABASE}`;
/** Far beyond each test's timeout: what arrives in time came from a notification. */
const NEVER_POLL_MS = 600_000;
const QUICK = 10_000;

interface Sample {
  readonly threshold: number;
  readonly limit: string;
  readonly min: number;
  readonly max: number;
}

const definition: SettingsDefinition<Sample> = {
  scope: 'sample-service',
  defaults: { threshold: 80, limit: '10000.00', min: -10, max: 10 },
  validate: (candidate, changed) =>
    candidate.min < candidate.max
      ? []
      : [{ field: changed.has('max') ? 'max' : 'min', messages: ['min must be below max'] }],
};

const ADMIN = { userId: randomUUID(), email: 'admin@kafka-commerce.local' };

/** One service instance's settings: its own pool and listener, as in a separate process. */
class Instance {
  readonly pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
  readonly settings: RuntimeSettings<Sample>;

  constructor(pollIntervalMs: number) {
    this.settings = new RuntimeSettings(new RuntimeSettingsStore(this.pool), definition, {
      databaseUrl: DATABASE_URL,
      pollIntervalMs,
      reconnectDelayMs: 100,
    });
  }

  /** Resolves once this instance holds `version` (or a later one). */
  holding(version: number): Promise<SettingsSnapshot<Sample>> {
    return new Promise((resolve) => {
      const check = (snapshot: SettingsSnapshot<Sample>): boolean => {
        if (snapshot.version < version) return false;
        resolve(snapshot);
        return true;
      };
      const off = this.settings.onChange((next) => {
        if (check(next)) off();
      });
      if (check(this.settings.snapshot())) off();
    });
  }

  async stop(): Promise<void> {
    await this.settings.onModuleDestroy();
    await this.pool.end();
  }
}

async function onServer(statement: string): Promise<void> {
  const admin = new Pool({ connectionString: `${POSTGRES_URL}/postgres`, max: 1 });
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

let db: Pool;
const instances: Instance[] = [];

async function startInstance(pollIntervalMs = NEVER_POLL_MS): Promise<Instance> {
  const instance = new Instance(pollIntervalMs);
  instances.push(instance);
  await instance.settings.onModuleInit();
  return instance;
}

async function auditRows(): Promise<{ version: number; changes: unknown }[]> {
  const { rows } = await db.query<{ version: number; changes: unknown }>(
    'SELECT version, changes FROM runtime_settings_audit WHERE scope = $1 ORDER BY version',
    [definition.scope],
  );
  return rows;
}

async function storedVersion(): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT version FROM runtime_settings WHERE scope = $1',
    [definition.scope],
  );
  return rows[0]?.version ?? 0;
}

beforeAll(async () => {
  Logger.overrideLogger(['error']);
  await onServer(`CREATE DATABASE ${DATABASE}`);
  db = new Pool({ connectionString: DATABASE_URL, max: 2 });
  await db.query(RUNTIME_SETTINGS_TABLES_SQL);
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await db.end();
  await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('runtime settings across instances (real PostgreSQL, LISTEN/NOTIFY)', () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });

  it('holds the defaults, version 0, before any change', () => {
    for (const instance of [a, b])
      expect(instance.settings.snapshot()).toEqual({
        values: definition.defaults,
        version: 0,
        updatedAt: null,
      });
  });

  it(
    'puts a change made through one instance in effect in the other, from the notification',
    async () => {
      const seenByB = b.holding(1);
      const saved = await a.settings.update({ threshold: 60, limit: '50.00' }, ADMIN);
      expect(saved).toMatchObject({ version: 1, values: { threshold: 60, limit: '50.00' } });
      // The instance that made the change has taken it when update() resolves.
      expect(a.settings.current()).toEqual({
        ...definition.defaults,
        threshold: 60,
        limit: '50.00',
      });
      const taken = await seenByB;
      expect(taken.values).toEqual(a.settings.current());
      expect(taken.updatedAt).toEqual(saved.updatedAt);
    },
    QUICK,
  );

  it('audits each change with who and when, and each field before and after, newest first', async () => {
    const second = b.holding(2);
    await a.settings.update({ threshold: 65 }, { userId: randomUUID(), email: 'ops@example.com' });
    await second;
    const audit = await b.settings.audit(10);
    expect(audit.map((entry) => entry.version)).toEqual([2, 1]);
    expect(audit[0]).toMatchObject({
      changedBy: { email: 'ops@example.com' },
      changes: { threshold: { before: 60, after: 65 } },
    });
    expect(audit[1]).toEqual({
      version: 1,
      changedAt: expect.any(Date),
      changedBy: ADMIN,
      changes: {
        threshold: { before: 80, after: 60 },
        limit: { before: '10000.00', after: '50.00' },
      },
    });
    expect((await b.settings.audit(1)).map((entry) => entry.version)).toEqual([2]);
  });

  it('makes no version and no audit row for a change to the values already in effect', async () => {
    const before = await storedVersion();
    const answer = await a.settings.update({ threshold: 65 }, ADMIN);
    expect(answer.version).toBe(before);
    expect(await storedVersion()).toBe(before);
    expect(await auditRows()).toHaveLength(before);
  });

  it('saves nothing of a change that breaks a rule', async () => {
    const before = await storedVersion();
    const refused = a.settings.update({ threshold: 1, min: 50 }, ADMIN);
    await expect(refused).rejects.toBeInstanceOf(InvalidSettingsError);
    await expect(refused).rejects.toMatchObject({
      errors: [{ field: 'min', messages: ['min must be below max'] }],
    });
    expect(await storedVersion()).toBe(before);
    expect(await auditRows()).toHaveLength(before);
    expect(a.settings.current().threshold).toBe(65);
  });

  it(
    'applies concurrent changes one after the other, each on what the previous left',
    async () => {
      const before = await storedVersion();
      const bothSeen = Promise.all([a.holding(before + 2), b.holding(before + 2)]);
      await Promise.all([
        a.settings.update({ max: 100 }, ADMIN),
        b.settings.update({ threshold: 70 }, ADMIN),
      ]);
      const [fromA, fromB] = await bothSeen;
      expect(fromA.values).toMatchObject({ threshold: 70, max: 100 });
      expect(fromB.values).toEqual(fromA.values);
      expect((await auditRows()).map((row) => row.version)).toEqual(
        Array.from({ length: before + 2 }, (_, i) => i + 1),
      );
    },
    QUICK,
  );

  it(
    'picks up a change whose notification never came, on the next poll',
    async () => {
      const polling = await startInstance(200);
      const version = (await storedVersion()) + 1;
      // Written behind the store's back: no NOTIFY, as if it had been lost with a connection.
      await db.query(
        `UPDATE runtime_settings SET version = $2, settings = settings || '{"threshold": 42}'::jsonb
         WHERE scope = $1`,
        [definition.scope, version],
      );
      await expect(polling.holding(version)).resolves.toMatchObject({
        values: { threshold: 42 },
      });
    },
    QUICK,
  );

  it(
    'listens again after its connection is lost, catching up on what it missed',
    async () => {
      const listeners = async () =>
        (
          await db.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
            [DATABASE, SETTINGS_LISTENER_APPLICATION],
          )
        ).rows.map((row) => row.pid);
      const lost = await listeners();
      expect(lost.length).toBeGreaterThanOrEqual(2);
      await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [lost]);

      // Sent while b may still be reconnecting: its notification may be lost; the refresh
      // on reconnecting catches up.
      const first = (await a.settings.update({ threshold: 30 }, ADMIN)).version;
      await expect(b.holding(first)).resolves.toMatchObject({ values: { threshold: 30 } });
      // b listens again: the next change reaches it by notification.
      const second = (await a.settings.update({ threshold: 31 }, ADMIN)).version;
      await expect(b.holding(second)).resolves.toMatchObject({ values: { threshold: 31 } });
      const now = await listeners();
      expect(now.filter((pid) => lost.includes(pid))).toEqual([]);
    },
    QUICK,
  );
});
