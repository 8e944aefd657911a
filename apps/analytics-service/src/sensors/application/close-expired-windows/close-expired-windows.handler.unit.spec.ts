import { Logger } from '@nestjs/common';
import { InMemoryWindowStore } from '../../../testing/in-memory-window-store';
import { incoming, RecordingStreamObserver } from '../../../testing/sensor-readings';
import { changeableSensorSettings, fixedSensorSettings } from '../../../testing/sensor-settings';
import { AccumulateReadingsHandler } from '../accumulate-readings/accumulate-readings.handler';
import { CloseExpiredWindowsHandler } from './close-expired-windows.handler';

const settings = fixedSensorSettings();

async function withOpenWindows(...sensors: [string, number[]][]) {
  const store = new InMemoryWindowStore();
  const accumulate = new AccumulateReadingsHandler(store, settings, new RecordingStreamObserver());
  for (const [sensorId, temperatures] of sensors) {
    await accumulate.execute({ consumer: 'c', readings: incoming(sensorId, temperatures) });
    store.advance(1000);
  }
  return { store, closeExpired: new CloseExpiredWindowsHandler(store, settings) };
}

// Batch logs are noise here.
beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('CloseExpiredWindowsHandler', () => {
  it('closes only the windows at least 5 s old, by age', async () => {
    const { store, closeExpired } = await withOpenWindows(['old', [20, 30]], ['young', [25]]);
    store.advance(3000); // old is 5 s old, young 4 s
    expect(await closeExpired.execute()).toBe(1);
    expect(store.closed).toEqual([
      expect.objectContaining({
        sensorId: 'old',
        count: 2,
        avg: 25,
        closedBy: 'AGE',
        closedAt: store.now,
      }),
    ]);
    expect([...store.open.keys()]).toEqual(['young']);
  });

  it('raises the alert of a hot window it closes', async () => {
    const { store, closeExpired } = await withOpenWindows(['hot', [95, 99]]);
    store.advance(5000);
    await closeExpired.execute();
    expect(store.outbox.map((event) => event.envelope.type)).toEqual(['sensor.alert-raised']);
  });

  it('marks the closed window’s end, so older readings are late from then on', async () => {
    const { store, closeExpired } = await withOpenWindows(['s1', [20, 21, 22]]);
    store.advance(5000);
    await closeExpired.execute();
    expect(store.sensors.get('s1')?.closedUntil).toEqual(new Date('2026-11-26T10:00:00.002Z'));
  });

  it('skips windows another transaction holds, and closes nothing twice', async () => {
    const { store, closeExpired } = await withOpenWindows(['a', [1]], ['b', [2]]);
    store.advance(10_000);
    store.heldElsewhere.add('a');
    expect(await closeExpired.execute()).toBe(1);
    store.heldElsewhere.clear();
    expect(await closeExpired.execute()).toBe(1);
    expect(await closeExpired.execute()).toBe(0);
    expect(store.closed.map((window) => window.sensorId)).toEqual(['b', 'a']);
  });

  it('closes by the age limit and judges by the threshold in effect at each sweep', async () => {
    const { settings, change } = changeableSensorSettings();
    const store = new InMemoryWindowStore();
    const accumulate = new AccumulateReadingsHandler(
      store,
      settings,
      new RecordingStreamObserver(),
    );
    await accumulate.execute({ consumer: 'c', readings: incoming('s1', [70, 71]) });
    const closeExpired = new CloseExpiredWindowsHandler(store, settings);
    store.advance(1000);
    expect(await closeExpired.execute()).toBe(0);
    change({ windowMaxAgeMs: 1000, alertThreshold: 60 });
    expect(await closeExpired.execute()).toBe(1);
    expect(store.outbox.map((event) => event.envelope.type)).toEqual(['sensor.alert-raised']);
  });
});
