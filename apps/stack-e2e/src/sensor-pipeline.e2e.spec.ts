import { randomUUID } from 'node:crypto';
import { createEvent, sensorTemperatureRecordedV1, TOPICS } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { produce } from './support/kafka';
import { getJson, postJson, queryDatabase, serviceUrl } from './support/stack';

// The sensor stream end to end: readings over HTTP (or straight onto sensor.temperature)
// through Kafka, the cleaning stage, the windows and the anomaly detector of the running
// analytics-service, into its database, GET /sensors/:id/windows, GET /alerts and /metrics.

interface Reading {
  sensorId: string;
  temperature: number;
  timestamp: string;
  unit?: 'C' | 'F';
}

interface SensorWindow {
  count: number;
  avg: number;
  min: number;
  max: number;
}

interface Alert {
  id: string;
  sensorId: string;
  kind: 'threshold' | 'anomaly';
  fault?: string;
  temperature?: number;
  average?: number;
}

const newSensor = () => `pipeline-${randomUUID().slice(0, 8)}`;

/** Readings `stepMs` apart, ending now (device clock), so none is older than another's window. */
function readings(sensorId: string, values: number[], unit?: 'C' | 'F', stepMs = 10): Reading[] {
  const start = Date.now() - values.length * stepMs;
  return values.map((temperature, index) => ({
    sensorId,
    temperature,
    timestamp: new Date(start + index * stepMs).toISOString(),
    ...(unit ? { unit } : {}),
  }));
}

async function post(batch: Reading[]): Promise<void> {
  const response = await postJson(`${serviceUrl('analytics')}/sensors/readings`, batch);
  expect(response.status).toBe(202);
}

/** The sensor's closed windows, once there are `count` (they close 5 s after they open). */
function windowsOf(sensorId: string, count = 1): Promise<SensorWindow[]> {
  return waitFor(
    async () => {
      const { body } = await getJson(`${serviceUrl('analytics')}/sensors/${sensorId}/windows`);
      const windows = body as SensorWindow[];
      return windows.length >= count ? windows : undefined;
    },
    { timeoutMs: 30_000, description: `${count} window(s) of ${sensorId}` },
  );
}

function alertOf(sensorId: string, kind: Alert['kind']): Promise<Alert> {
  return waitFor(
    async () => {
      const alerts = (await getJson(`${serviceUrl('analytics')}/alerts`)).body as Alert[];
      return alerts.find((alert) => alert.sensorId === sensorId && alert.kind === kind);
    },
    { timeoutMs: 30_000, description: `a ${kind} alert of ${sensorId}` },
  );
}

/** A counter's value at analytics-service's /metrics (0 when the series is not there). */
async function counter(name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${serviceUrl('analytics')}/metrics`)).text();
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(labels));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('the sensor pipeline through the real stack', () => {
  it('standardises Fahrenheit readings: the window’s statistics are in °C', async () => {
    const sensorId = newSensor();
    await post(readings(sensorId, [212, 32, 122], 'F'));
    const [window] = await windowsOf(sensorId);
    expect(window).toMatchObject({ count: 3, avg: 50, min: 0, max: 100 });
    const stored = await queryDatabase<{ temperature: number; unit: string }>(
      'analytics',
      `SELECT temperature, unit::text FROM sensor_readings WHERE sensor_id = $1 ORDER BY taken_at`,
      [sensorId],
    );
    expect(stored).toEqual([
      { temperature: 100, unit: 'F' },
      { temperature: 0, unit: 'F' },
      { temperature: 50, unit: 'F' },
    ]);
  });

  it('reads a v1 reading from any producer, which has no unit, as Celsius', async () => {
    const sensorId = newSensor();
    const events = readings(sensorId, [20, 22]).map((reading) =>
      createEvent(sensorTemperatureRecordedV1, reading, {
        producer: 'a-thermometer-gateway',
        correlationId: sensorId,
      }),
    );
    await produce(
      TOPICS.sensorTemperature.name,
      events.map((event) => ({ key: event.key, value: JSON.stringify(event.envelope) })),
    );
    const [window] = await windowsOf(sensorId);
    expect(window).toMatchObject({ count: 2, avg: 21, min: 20, max: 22 });
  });

  it('drops a second reading of a sensor at the same timestamp, in one request and across requests', async () => {
    const sensorId = newSensor();
    const batch = readings(sensorId, [20, 21]);
    const duplicatesBefore = await counter('sensor_readings_duplicates_total', '');
    await post([...batch, { ...batch[0]!, temperature: 25 }]);
    await post(batch);
    await waitFor(
      async () =>
        (await counter('sensor_readings_duplicates_total', '')) >= duplicatesBefore + 3 ||
        undefined,
      { timeoutMs: 30_000, description: 'three duplicates counted' },
    );
    const [window] = await windowsOf(sensorId);
    expect(window).toMatchObject({ count: 2, min: 20, max: 21 });
    const stored = await queryDatabase(
      'analytics',
      'SELECT 1 FROM sensor_readings WHERE sensor_id = $1',
      [sensorId],
    );
    expect(stored).toHaveLength(2);
  });

  it('refuses physically implausible readings, keeping them in rejected_readings with a reason', async () => {
    const sensorId = newSensor();
    const aboveBefore = await counter('sensor_readings_rejected_total', 'reason="above_max"');
    await post([
      ...readings(sensorId, [20, 150.5, -95]),
      { sensorId, temperature: 400, unit: 'F', timestamp: new Date().toISOString() },
    ]);
    const rejected = await waitFor(
      async () => {
        const rows = await queryDatabase<{ rawValue: number; unit: string; reason: string }>(
          'analytics',
          `SELECT raw_value AS "rawValue", unit::text, reason FROM rejected_readings
           WHERE sensor_id = $1 ORDER BY taken_at`,
          [sensorId],
        );
        return rows.length === 3 ? rows : undefined;
      },
      { timeoutMs: 30_000, description: `the rejected readings of ${sensorId}` },
    );
    expect(rejected).toEqual([
      { rawValue: 150.5, unit: 'C', reason: 'above_max' },
      { rawValue: -95, unit: 'C', reason: 'below_min' },
      { rawValue: 400, unit: 'F', reason: 'above_max' },
    ]);
    expect(
      await counter('sensor_readings_rejected_total', 'reason="above_max"'),
    ).toBeGreaterThanOrEqual(aboveBefore + 2);
    const [window] = await windowsOf(sensorId);
    expect(window).toMatchObject({ count: 1, avg: 20 });
  });

  it('raises an anomaly alert for a spike, listed at GET /alerts with kind "anomaly"', async () => {
    const sensorId = newSensor();
    const calm = Array.from({ length: 40 }, (_, i) => 20 + 0.3 * Math.sin(i * 1.7));
    await post(readings(sensorId, [...calm, 45, 20.1]));
    const alert = await alertOf(sensorId, 'anomaly');
    expect(alert).toMatchObject({ kind: 'anomaly', fault: 'spike', temperature: 45 });
    const [anomaly] = await queryDatabase<{ id: string }>(
      'analytics',
      'SELECT id::text FROM sensor_anomalies WHERE sensor_id = $1',
      [sensorId],
    );
    expect(anomaly?.id).toBe(alert.id);
  });

  it('raises a threshold alert for a hot window, listed with kind "threshold"', async () => {
    const sensorId = newSensor();
    await post(readings(sensorId, [95, 96, 97]));
    const alert = await alertOf(sensorId, 'threshold');
    expect(alert).toMatchObject({ kind: 'threshold', average: 96, threshold: 80 });
  });
});
