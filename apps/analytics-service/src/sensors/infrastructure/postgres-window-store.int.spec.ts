import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Inbox, MessagingMetrics, Outbox } from '@kafka-commerce/messaging';
import { DatabaseModule, DatabasePool, ServiceMetrics } from '@kafka-commerce/platform';
import { createTestDatabase, type TestDatabase } from '@kafka-commerce/testing';
import { AnalyticsDatabase } from '../../database';
import { incoming, RecordingStreamObserver, resent } from '../../testing/sensor-readings';
import { fixedSensorSettings } from '../../testing/sensor-settings';
import { AccumulateReadingsHandler } from '../application/accumulate-readings/accumulate-readings.handler';
import { CloseExpiredWindowsHandler } from '../application/close-expired-windows/close-expired-windows.handler';
import { PrismaSensorQueries } from './prisma-sensor-queries';
import { PostgresWindowStore } from './postgres-window-store';

// The sensor stream's SQL against a real PostgreSQL: the cleaning stage's one-statement
// intake (inbox claim, readings, rejected readings), the locked per-sensor state, late
// updates of stored windows, anomalies with their outbox rows, and GET /alerts' union.

const CONSUMER = 'analytics-service.sensor.temperature';
const T0 = Date.parse('2026-11-26T10:00:00.000Z');

let moduleRef: TestingModule;
let db: TestDatabase<DatabasePool>;
let pool: DatabasePool;
let store: PostgresWindowStore;
let queries: PrismaSensorQueries;

async function rows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query(sql, values)).rows as T[];
}

function handler(settings = fixedSensorSettings()) {
  const observer = new RecordingStreamObserver();
  const accumulate = new AccumulateReadingsHandler(store, settings, observer);
  return {
    observer,
    run: (readings: ReturnType<typeof incoming>) =>
      accumulate.execute({ consumer: CONSUMER, readings }),
  };
}

function steady(count: number, level = 20): number[] {
  return Array.from({ length: count }, (_, i) => level + (i % 2 ? 0.4 : -0.4));
}

const sensor = () => `sensor-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  Logger.overrideLogger(false);
  db = await createTestDatabase('analytics', 'sensors', async (url) => {
    moduleRef = await Test.createTestingModule({
      imports: [DatabaseModule.forClient(AnalyticsDatabase, url)],
    }).compile();
    return moduleRef.get(DatabasePool);
  });
  pool = db.pool;
  const metrics = new MessagingMetrics(new ServiceMetrics('analytics-int').registry);
  store = new PostgresWindowStore(pool, new Inbox(metrics), new Outbox());
  queries = new PrismaSensorQueries(moduleRef.get(AnalyticsDatabase));
});

afterAll(async () => {
  await moduleRef.get(AnalyticsDatabase).$disconnect();
  await db.drop();
});

describe('the sensor stream in PostgreSQL', () => {
  it('stores clean readings in °C once per (sensor, timestamp), and the implausible ones apart', async () => {
    const id = sensor();
    const { run, observer } = handler();
    const first = [...incoming(id, [212, 32], T0, 'F'), ...incoming(id, [21.5, 200, -95], T0 + 10)];
    const copy = { ...first[0]!, eventId: randomUUID(), value: 213 };
    expect((await run([...first, copy])).applied).toBe(6);
    // A redelivery (same events), then a producer's retry (new event ids): nothing changes.
    expect((await run(first)).applied).toBe(0);
    expect((await run(resent(first))).applied).toBe(5);

    expect(
      await rows(
        `SELECT temperature, unit::text, to_char(day, 'YYYY-MM-DD') AS day FROM sensor_readings
         WHERE sensor_id = $1 ORDER BY taken_at`,
        [id],
      ),
    ).toEqual([
      { temperature: 100, unit: 'F', day: '2026-11-26' },
      { temperature: 0, unit: 'F', day: '2026-11-26' },
      { temperature: 21.5, unit: 'C', day: '2026-11-26' },
    ]);
    expect(
      await rows(
        `SELECT raw_value AS "rawValue", unit::text, reason, received_at IS NOT NULL AS received
         FROM rejected_readings WHERE sensor_id = $1 ORDER BY taken_at`,
        [id],
      ),
    ).toEqual([
      { rawValue: 200, unit: 'C', reason: 'above_max', received: true },
      { rawValue: -95, unit: 'C', reason: 'below_min', received: true },
    ]);
    expect(observer.total('duplicates')).toBe(1 + 5);
    expect(observer.outcomes[0]?.rejected).toEqual(['above_max', 'below_min']);
    const [open] = await rows<{ count: number; sum: number }>(
      'SELECT count, sum FROM open_sensor_windows WHERE sensor_id = $1',
      [id],
    );
    expect(open).toEqual({ count: 3, sum: 121.5 });
  });

  it('keeps each sensor’s detector and closed-until mark in the batch’s transaction', async () => {
    const id = sensor();
    const { run } = handler();
    const readings = incoming(id, [...steady(1000), ...steady(60), 35]);
    for (let start = 0; start < readings.length; start += 250) {
      await run(readings.slice(start, start + 250));
    }
    const [state] = await rows<{ closedUntil: Date; detector: { learned: number } }>(
      `SELECT closed_until AS "closedUntil", detector FROM sensor_states WHERE sensor_id = $1`,
      [id],
    );
    expect(state?.closedUntil).toEqual(readings[999]!.timestamp);
    expect(state?.detector.learned).toBe(1060);
    const anomalies = await rows<{ fault: string; temperature: number }>(
      'SELECT fault::text, temperature FROM sensor_anomalies WHERE sensor_id = $1',
      [id],
    );
    expect(anomalies).toEqual([{ fault: 'spike', temperature: 35 }]);
    const outbox = await rows<{ type: string }>(
      `SELECT value::jsonb->>'type' AS type FROM outbox_events WHERE message_key = $1`,
      [id],
    );
    expect(outbox).toEqual([{ type: 'sensor.anomaly-detected' }]);
  });

  it('adds a late reading to the stored window spanning it and drops one in a gap', async () => {
    const id = sensor();
    const small = fixedSensorSettings({ windowMaxReadings: 3 });
    const { run, observer } = handler(small);
    const at = (...pairs: [number, number][]) =>
      pairs.flatMap(([offset, value]) => incoming(id, [value], T0 + offset));
    await run(at([0, 10], [10, 20], [20, 30])); // window 1: T0 … T0+20
    await run(at([100, 40], [110, 50], [120, 60])); // window 2: T0+100 … T0+120
    await run(at([15, 16], [50, 99], [200, 70]));
    expect(observer.total('lateWindowUpdates')).toBe(1);
    expect(observer.total('lateDropped')).toBe(1);
    expect(
      await rows(
        'SELECT count, avg, min, max FROM sensor_windows WHERE sensor_id = $1 ORDER BY id',
        [id],
      ),
    ).toEqual([
      { count: 4, avg: 19, min: 10, max: 30 },
      { count: 3, avg: 50, min: 40, max: 60 },
    ]);
    const [open] = await rows('SELECT count, sum FROM open_sensor_windows WHERE sensor_id = $1', [
      id,
    ]);
    expect(open).toEqual({ count: 1, sum: 70 });
  });

  it('lists threshold and anomaly alerts together, newest first, each with its kind', async () => {
    const id = sensor();
    const { run } = handler(fixedSensorSettings({ windowMaxReadings: 40 }));
    await run(incoming(id, [...steady(39, 90), 130]));
    const alerts = (await queries.recentAlerts(100)).filter((alert) => alert.sensorId === id);
    expect(alerts.map((alert) => alert.kind).sort()).toEqual(['anomaly', 'threshold']);
    expect(alerts.find((alert) => alert.kind === 'anomaly')).toMatchObject({
      fault: 'spike',
      temperature: 130,
    });
    expect(alerts.find((alert) => alert.kind === 'threshold')).toMatchObject({
      threshold: 80,
    });
  });

  it('marks the end of a window the sweeper closes', async () => {
    const id = sensor();
    await handler().run(incoming(id, [20, 21], T0));
    await pool.query(
      `UPDATE open_sensor_windows SET opened_at = opened_at - interval '1 minute'
       WHERE sensor_id = $1`,
      [id],
    );
    const settings = fixedSensorSettings();
    expect(await new CloseExpiredWindowsHandler(store, settings).execute()).toBeGreaterThan(0);
    const [state] = await rows<{ closedUntil: Date }>(
      `SELECT closed_until AS "closedUntil" FROM sensor_states WHERE sensor_id = $1`,
      [id],
    );
    expect(state?.closedUntil).toEqual(new Date(T0 + 1));
  });

  it('applies concurrent batches of the same sensors exactly once each, without deadlock', async () => {
    const [a, b] = [sensor(), sensor()];
    const batches = Array.from({ length: 6 }, (_, k) => [
      ...incoming(a, steady(50), T0 + k * 1000),
      ...incoming(b, steady(50), T0 + k * 1000),
    ]);
    await Promise.all(batches.map((batch) => handler().run(batch)));
    const states = await rows<{ sensorId: string; learned: number }>(
      `SELECT sensor_id AS "sensorId", (detector->>'learned')::int AS learned FROM sensor_states
       WHERE sensor_id = ANY($1) ORDER BY sensor_id`,
      [[a, b].sort()],
    );
    expect(states.map((state) => state.learned)).toEqual([300, 300]);
    const [counted] = await rows<{ n: string }>(
      'SELECT count(*) AS n FROM sensor_readings WHERE sensor_id = ANY($1)',
      [[a, b]],
    );
    expect(Number(counted?.n)).toBe(600);
  });
});
