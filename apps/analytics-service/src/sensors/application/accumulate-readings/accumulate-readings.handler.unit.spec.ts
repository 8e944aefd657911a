import { Logger } from '@nestjs/common';
import { sensorAlertRaisedV1, sensorAnomalyDetectedV1 } from '@kafka-commerce/events';
import { InMemoryWindowStore } from '../../../testing/in-memory-window-store';
import { incoming, RecordingStreamObserver, resent } from '../../../testing/sensor-readings';
import { changeableSensorSettings, fixedSensorSettings } from '../../../testing/sensor-settings';
import { AccumulateReadingsHandler } from './accumulate-readings.handler';

const CONSUMER = 'analytics-service.sensor.temperature';
const settings = fixedSensorSettings();
const T0 = Date.parse('2026-11-26T10:00:00.000Z');

function setup(options = settings) {
  const store = new InMemoryWindowStore();
  const observer = new RecordingStreamObserver();
  const handler = new AccumulateReadingsHandler(store, options, observer);
  return {
    store,
    observer,
    accumulate: (readings: ReturnType<typeof incoming>) =>
      handler.execute({ consumer: CONSUMER, readings }),
  };
}

/** Alternates around `level` by ±`spread`: no two readings in a row alike, nothing unusual. */
function steady(count: number, level = 20, spread = 0.5): number[] {
  return Array.from({ length: count }, (_, i) => level + (i % 2 ? spread : -spread));
}

// Batch logs are noise here.
beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('AccumulateReadingsHandler', () => {
  it('keeps an open window across batches and closes it at exactly 1,000 readings', async () => {
    const { store, accumulate } = setup();
    const all = incoming('s1', steady(1500));
    await accumulate(all.slice(0, 600));
    expect(store.open.get('s1')?.count).toBe(600);
    await accumulate(all.slice(600));
    expect(store.closed.map((window) => window.count)).toEqual([1000]);
    expect(store.open.get('s1')?.count).toBe(500);
    expect(store.readings).toHaveLength(1500);
  });

  it('applies a redelivered reading only once, detector included', async () => {
    const { store, accumulate } = setup();
    const batch = incoming('s1', [20, 21, 22]);
    await accumulate(batch);
    const detector = store.sensors.get('s1')?.detector;
    const result = await accumulate([...batch, ...incoming('s1', [23], T0 + 60_000)]);
    expect(result.applied).toBe(1);
    expect(store.open.get('s1')).toMatchObject({ count: 4, sum: 86 });
    expect(store.sensors.get('s1')?.detector?.learned).toBe((detector?.learned ?? 0) + 1);
  });

  it('raises an alert for a window averaging above the threshold, through the outbox', async () => {
    const { store, accumulate } = setup();
    const hot = incoming('boiler', steady(1000, 80.5, 0.5));
    const result = await accumulate(hot);
    expect(result).toEqual({
      applied: 1000,
      windowsClosed: 1,
      alertsRaised: 1,
      anomaliesRaised: 0,
    });
    const [event] = store.outbox;
    expect(event?.topic).toBe('sensor.alert');
    expect(event?.key).toBe('boiler');
    const last = hot[999]!;
    expect(event?.envelope).toMatchObject({
      type: 'sensor.alert-raised',
      producer: 'analytics-service',
      correlationId: last.correlationId,
      causationId: last.eventId,
    });
    expect(sensorAlertRaisedV1.schema.parse(event?.envelope.payload)).toMatchObject({
      sensorId: 'boiler',
      count: 1000,
      average: 80.5,
      threshold: 80,
      windowStart: hot[0]!.timestamp.toISOString(),
      windowEnd: last.timestamp.toISOString(),
    });
    expect(store.alerts[0]?.event.envelope.eventId).toBe(event?.envelope.eventId);
  });

  it('raises nothing for a window at or below the threshold', async () => {
    const { store, accumulate } = setup();
    await accumulate(incoming('cool', steady(1000, 80, 1)));
    expect(store.closed).toHaveLength(1);
    expect(store.outbox).toEqual([]);
  });

  it('closes a window past its age when the sensor reports again, and opens a new one', async () => {
    const { store, accumulate } = setup();
    await accumulate(incoming('s1', [90, 92]));
    store.advance(5000);
    await accumulate(incoming('s1', [10], T0 + 5000));
    expect(store.closed).toEqual([expect.objectContaining({ count: 2, avg: 91, closedBy: 'AGE' })]);
    expect(store.alerts).toHaveLength(1);
    expect(store.open.get('s1')).toMatchObject({ count: 1, sum: 10, openedAt: store.now });
  });
});

describe('settings changed while the stream runs (PATCH /settings)', () => {
  function live() {
    const { settings, change } = changeableSensorSettings({ windowMaxReadings: 10 });
    const store = new InMemoryWindowStore();
    const handler = new AccumulateReadingsHandler(store, settings, new RecordingStreamObserver());
    let next = T0;
    const accumulate = async (sensorId: string, values: number[]) => {
      await handler.execute({ consumer: CONSUMER, readings: incoming(sensorId, values, next) });
      next += values.length;
    };
    return { store, change, accumulate };
  }

  it('judges the next window against the threshold in effect', async () => {
    const { store, change, accumulate } = live();
    await accumulate('s1', steady(10, 70));
    expect(store.closed).toHaveLength(1);
    expect(store.alerts).toEqual([]);
    change({ alertThreshold: 60 });
    await accumulate('s1', steady(10, 70));
    expect(store.closed).toHaveLength(2);
    expect(sensorAlertRaisedV1.schema.parse(store.outbox[0]?.envelope.payload)).toMatchObject({
      average: 70,
      threshold: 60,
    });
  });

  it('closes an open window already past a lowered reading limit on its next reading', async () => {
    const { store, change, accumulate } = live();
    await accumulate('s1', steady(6));
    change({ windowMaxReadings: 4 });
    await accumulate('s1', [21, 22]);
    expect(store.closed).toEqual([expect.objectContaining({ count: 7, closedBy: 'COUNT' })]);
    expect(store.open.get('s1')).toMatchObject({ count: 1, sum: 22 });
  });

  it('cleans with the plausible range and detects with the sensitivity in effect', async () => {
    const { store, change, accumulate } = live();
    change({ plausibleMax: 50, windowMaxReadings: 1000 });
    await accumulate('s1', [49, 51]);
    expect(store.rejected.map((reading) => reading.reason)).toEqual(['above_max']);
    const spikesOf = (sensorId: string) =>
      store.anomalies.filter(
        ({ anomaly }) => anomaly.reading.sensorId === sensorId && anomaly.fault === 'spike',
      );
    change({ anomalySensitivity: 1000 });
    await accumulate('s2', [...steady(40), 30]);
    expect(spikesOf('s2')).toEqual([]);
    change({ anomalySensitivity: 4.5 });
    await accumulate('s3', [...steady(40), 30]);
    expect(spikesOf('s3')).toHaveLength(1);
  });
});

describe('the cleaning stage', () => {
  it('windows Fahrenheit readings in Celsius', async () => {
    const { store, accumulate } = setup();
    await accumulate(incoming('f', [212, 32, 122, 98.6], T0, 'F'));
    expect(store.open.get('f')).toMatchObject({ count: 4, sum: 187, min: 0, max: 100 });
    expect(store.readings.map((reading) => [reading.temperature, reading.unit])).toEqual([
      [100, 'F'],
      [0, 'F'],
      [50, 'F'],
      [37, 'F'],
    ]);
  });

  it('drops a second reading of a sensor at the same timestamp, in a batch and across batches', async () => {
    const { store, observer, accumulate } = setup();
    const [first, second] = incoming('s1', [20, 21]);
    const copy = { ...first!, eventId: 'b1f1c2d3-0000-4000-8000-000000000001', value: 25 };
    const result = await accumulate([first!, copy, second!]);
    expect(result.applied).toBe(3);
    await accumulate(resent([first!, second!]));
    expect(store.open.get('s1')).toMatchObject({ count: 2, sum: 41 });
    expect(store.readings).toHaveLength(2);
    expect(observer.total('duplicates')).toBe(3);
  });

  it('refuses implausible readings, keeping them with their reason', async () => {
    const { store, observer, accumulate } = setup();
    const readings = [
      ...incoming('s1', [20, 150.5, -90.5, 1e300, 22]),
      ...incoming('s1', [400], T0 + 100, 'F'),
    ];
    const result = await accumulate(readings);
    expect(result.applied).toBe(6);
    expect(store.open.get('s1')).toMatchObject({ count: 2, max: 22 });
    expect(store.rejected.map(({ rawValue, unit, reason }) => [rawValue, unit, reason])).toEqual([
      [150.5, 'C', 'above_max'],
      [-90.5, 'C', 'below_min'],
      [1e300, 'C', 'above_max'],
      [400, 'F', 'above_max'],
    ]);
    expect(observer.outcomes[0]?.rejected).toEqual([
      'above_max',
      'below_min',
      'above_max',
      'above_max',
    ]);
  });

  it('takes the plausible range from the settings', async () => {
    const narrow = fixedSensorSettings({ plausibleMin: 0, plausibleMax: 50 });
    const { store, accumulate } = setup(narrow);
    await accumulate(incoming('s1', [-1, 0, 50, 51]));
    expect(store.rejected.map((reading) => reading.reason)).toEqual(['below_min', 'above_max']);
    expect(store.open.get('s1')?.count).toBe(2);
  });

  it('adds a late reading to the stored window spanning it, and drops one no window spans', async () => {
    const { store, observer } = setup();
    const small = fixedSensorSettings({ windowMaxReadings: 3 });
    const handler = new AccumulateReadingsHandler(store, small, observer);
    const run = (readings: ReturnType<typeof incoming>) =>
      handler.execute({ consumer: CONSUMER, readings });
    // Window 1 spans T0 … T0+20, window 2 T0+100 … T0+120.
    await run([
      ...incoming('s1', [10], T0),
      ...incoming('s1', [20], T0 + 20),
      ...incoming('s1', [30], T0 + 10),
    ]);
    await run(incoming('s1', [40, 50, 60], T0 + 100));
    await run([
      ...incoming('s1', [16], T0 + 15), // inside window 1
      ...incoming('s1', [99], T0 + 50), // between the windows: dropped
      ...incoming('s1', [70], T0 + 200), // on time: a new open window
    ]);
    expect(store.closed.map(({ count, avg, min, max }) => ({ count, avg, min, max }))).toEqual([
      { count: 4, avg: 19, min: 10, max: 30 },
      { count: 3, avg: 50, min: 40, max: 60 },
    ]);
    expect(store.open.get('s1')).toMatchObject({ count: 1, sum: 70 });
    expect(observer.total('lateWindowUpdates')).toBe(1);
    expect(observer.total('lateDropped')).toBe(1);
    expect(store.readings).toHaveLength(9);
  });

  it('treats a reading older than a window just closed by age as late', async () => {
    const { store, observer, accumulate } = setup();
    await accumulate([...incoming('s1', [10], T0), ...incoming('s1', [12], T0 + 10)]);
    store.advance(5000);
    // The window closes by age when the sensor reports again, before anything is added.
    await accumulate(incoming('s1', [13], T0 + 5));
    expect(observer.total('lateDropped')).toBe(0);
    expect(observer.total('lateWindowUpdates')).toBe(1);
    expect(store.closed[0]).toMatchObject({ count: 3, max: 13 });
    expect(store.open.has('s1')).toBe(false);
  });
});

describe('anomaly detection', () => {
  it('raises an anomaly alert for a spike, through the outbox', async () => {
    const { store, observer, accumulate } = setup();
    const readings = incoming('s1', [...steady(50, 20, 0.3), 35, 20.2]);
    const result = await accumulate(readings);
    expect(result.anomaliesRaised).toBe(1);
    const [raised] = store.anomalies;
    expect(raised?.event.topic).toBe('sensor.alert');
    expect(raised?.event.key).toBe('s1');
    const spike = readings[50]!;
    expect(raised?.event.envelope).toMatchObject({
      type: 'sensor.anomaly-detected',
      correlationId: spike.correlationId,
      causationId: spike.eventId,
    });
    expect(sensorAnomalyDetectedV1.schema.parse(raised?.event.envelope.payload)).toMatchObject({
      sensorId: 's1',
      fault: 'spike',
      readingAt: spike.timestamp.toISOString(),
      temperature: 35,
      expected: expect.closeTo(20, 1),
    });
    expect(store.outbox.map((event) => event.envelope.type)).toEqual(['sensor.anomaly-detected']);
    expect(observer.outcomes[0]?.anomalies).toEqual(['spike']);
  });

  it('reports a stuck sensor once per run', async () => {
    const { store, accumulate } = setup();
    await accumulate(incoming('s1', [...steady(40), ...Array<number>(25).fill(20.5), 20]));
    expect(store.anomalies.map(({ anomaly }) => [anomaly.fault, anomaly.score])).toEqual([
      ['stuck', 10],
    ]);
  });

  it('keeps each sensor’s detector state in the store, so batches continue where they left off', async () => {
    const one = setup();
    const two = setup();
    const readings = incoming('s1', [...steady(60, 20, 0.4), 30]);
    await one.accumulate(readings);
    for (let start = 0; start < readings.length; start += 7) {
      await two.accumulate(readings.slice(start, start + 7));
    }
    expect(two.store.sensors.get('s1')?.detector).toEqual(one.store.sensors.get('s1')?.detector);
    expect(two.store.anomalies.map(({ anomaly }) => anomaly.fault)).toEqual(['spike']);
  });

  it('does not feed late readings to the detector', async () => {
    const { store, accumulate } = setup();
    await accumulate(incoming('s1', steady(1000)));
    const before = store.sensors.get('s1')?.detector;
    await accumulate(incoming('s1', [60], T0 - 1000));
    expect(store.sensors.get('s1')?.detector).toEqual(before);
    expect(store.anomalies).toEqual([]);
    expect(store.readings).toHaveLength(1001);
  });
});
