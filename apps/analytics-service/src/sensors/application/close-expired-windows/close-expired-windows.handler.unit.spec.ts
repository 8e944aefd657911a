import { Logger } from '@nestjs/common';
import { readings } from '../../../testing/event-builders';
import { InMemoryWindowStore } from '../../../testing/in-memory-window.store';
import { AccumulateReadingsHandler } from '../accumulate-readings/accumulate-readings.handler';
import { SensorSettings } from '../sensor-settings';
import { CloseExpiredWindowsHandler } from './close-expired-windows.handler';

const settings = new SensorSettings({ maxReadings: 1000, maxAgeMs: 5000 }, 80, 500);

async function withOpenWindows(...sensors: [string, number[]][]) {
  const store = new InMemoryWindowStore();
  const accumulate = new AccumulateReadingsHandler(store, settings);
  for (const [sensorId, temperatures] of sensors) {
    await accumulate.execute({ consumer: 'c', events: readings(sensorId, temperatures) });
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
});
