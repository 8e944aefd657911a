import { Logger } from '@nestjs/common';
import { sensorAlertRaisedV1 } from '@kafka-commerce/events';
import { readings } from '../../../testing/event-builders';
import { InMemoryWindowStore } from '../../../testing/in-memory-window.store';
import { SensorSettings } from '../sensor-settings';
import { AccumulateReadingsHandler } from './accumulate-readings.handler';

const CONSUMER = 'analytics-service.sensor.temperature';
const settings = new SensorSettings({ maxReadings: 1000, maxAgeMs: 5000 }, 80, 500);

function setup() {
  const store = new InMemoryWindowStore();
  const handler = new AccumulateReadingsHandler(store, settings);
  return {
    store,
    handler,
    accumulate: (events: ReturnType<typeof readings>) =>
      handler.execute({ consumer: CONSUMER, events }),
  };
}

// Batch logs are noise here.
beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('AccumulateReadingsHandler', () => {
  it('keeps an open window across batches and closes it at exactly 1,000 readings', async () => {
    const { store, accumulate } = setup();
    const all = readings(
      's1',
      Array.from({ length: 1500 }, () => 20),
    );
    await accumulate(all.slice(0, 600));
    expect(store.open.get('s1')?.count).toBe(600);
    await accumulate(all.slice(600));
    expect(store.closed.map((window) => window.count)).toEqual([1000]);
    expect(store.open.get('s1')?.count).toBe(500);
  });

  it('applies a redelivered reading only once', async () => {
    const { store, accumulate } = setup();
    const batch = readings('s1', [20, 21, 22]);
    await accumulate(batch);
    const result = await accumulate([
      ...batch,
      ...readings('s1', [23], Date.parse('2026-11-26T10:01:00Z')),
    ]);
    expect(result.applied).toBe(1);
    expect(store.open.get('s1')).toMatchObject({ count: 4, sum: 86 });
  });

  it('raises an alert for a window averaging above the threshold, through the outbox', async () => {
    const { store, accumulate } = setup();
    const hot = readings(
      'boiler',
      Array.from({ length: 1000 }, (_, i) => (i % 2 ? 80 : 81)),
    );
    const result = await accumulate(hot);
    expect(result).toEqual({ applied: 1000, windowsClosed: 1, alertsRaised: 1 });
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
      windowStart: hot[0]!.payload.timestamp,
      windowEnd: last.payload.timestamp,
    });
    expect(store.alerts[0]?.event.envelope.eventId).toBe(event?.envelope.eventId);
  });

  it('raises nothing for a window at or below the threshold', async () => {
    const { store, accumulate } = setup();
    await accumulate(
      readings(
        'cool',
        Array.from({ length: 1000 }, () => 80),
      ),
    );
    expect(store.closed).toHaveLength(1);
    expect(store.outbox).toEqual([]);
  });

  it('closes a window past its age when the sensor reports again, and opens a new one', async () => {
    const { store, accumulate } = setup();
    await accumulate(readings('s1', [90, 92]));
    store.advance(5000);
    await accumulate(readings('s1', [10], Date.parse('2026-11-26T10:00:05Z')));
    expect(store.closed).toEqual([expect.objectContaining({ count: 2, avg: 91, closedBy: 'AGE' })]);
    expect(store.alerts).toHaveLength(1);
    expect(store.open.get('s1')).toMatchObject({ count: 1, sum: 10, openedAt: store.now });
  });

  it('leaves readings beyond the plausible range out of every window', async () => {
    const { store, accumulate } = setup();
    const result = await accumulate(readings('s1', [20, 1e300, 22]));
    expect(result.applied).toBe(3);
    expect(store.open.get('s1')).toMatchObject({ count: 2, max: 22 });
  });
});
