import { absorbLateReadings, planLateReadings, type StoredWindow } from './late-readings';
import { type TemperatureReading } from './temperature-reading';

const window: StoredWindow = {
  id: '7',
  sensorId: 's1',
  windowStart: new Date('2026-11-26T10:00:00.000Z'),
  windowEnd: new Date('2026-11-26T10:00:04.000Z'),
  count: 3,
  avg: 20,
  min: 19,
  max: 21,
};

function late(temperature: number, n = 0): TemperatureReading {
  return {
    sensorId: 's1',
    temperature,
    timestamp: new Date('2026-11-26T10:00:01.000Z'),
    eventId: `event-${n}`,
    correlationId: 'c',
  };
}

describe('absorbLateReadings', () => {
  it('adds the readings to count, average, min and max; the span stays', () => {
    expect(absorbLateReadings(window, [late(25), late(15)])).toEqual({
      ...window,
      count: 5,
      avg: 20,
      min: 15,
      max: 25,
    });
  });

  it('rounds the new average to 6 decimals, like every window average', () => {
    expect(absorbLateReadings(window, [late(20.1)]).avg).toBe(20.025);
    expect(absorbLateReadings({ ...window, count: 2 }, [late(21)]).avg).toBe(20.333333);
  });
});

describe('planLateReadings', () => {
  it('updates each stored window once with all its readings, and drops the homeless', () => {
    const other = { ...window, id: '8' };
    const plan = planLateReadings([
      { reading: late(26, 1), home: window },
      { reading: late(99, 2), home: null },
      { reading: late(14, 3), home: window },
      { reading: late(30, 4), home: other },
    ]);
    expect(plan.updated).toEqual([
      { ...window, count: 5, avg: 20, min: 14, max: 26 },
      { ...other, count: 4, avg: 22.5, max: 30 },
    ]);
    expect(plan.dropped.map((reading) => reading.eventId)).toEqual(['event-2']);
  });
});
