import { type TemperatureReading } from './temperature-reading';
import { type OpenWindow, startWindow } from './temperature-window';
import { accumulateReadings, closeExpiredWindows } from './window-accumulator';
import { type WindowPolicy } from './window-policy';

const policy: WindowPolicy = { maxReadings: 1000, maxAgeMs: 5000 };
const T0 = new Date('2026-11-26T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function reading(
  sensorId: string,
  temperature: number,
  timestampMs = 0,
  n = 0,
): TemperatureReading {
  return {
    sensorId,
    temperature,
    timestamp: at(timestampMs),
    eventId: `event-${sensorId}-${n}`,
    correlationId: `correlation-${n}`,
  };
}

function series(
  sensorId: string,
  count: number,
  temperature = (i: number) => i,
): TemperatureReading[] {
  return Array.from({ length: count }, (_, i) => reading(sensorId, temperature(i), i, i));
}

const none = new Map<string, OpenWindow>();

describe('accumulateReadings', () => {
  it('opens a window at the arrival time and keeps count, min, max and the timestamp span', () => {
    const changes = accumulateReadings(
      none,
      [reading('s1', 20, 300, 1), reading('s1', 25.5, 100, 2), reading('s1', 18, 200, 3)],
      at(10_000),
      policy,
    );
    expect(changes.closed).toEqual([]);
    expect(changes.open.get('s1')).toEqual({
      sensorId: 's1',
      count: 3,
      sum: 63.5,
      min: 18,
      max: 25.5,
      windowStart: at(100),
      windowEnd: at(300),
      openedAt: at(10_000),
      lastEventId: 'event-s1-3',
      lastCorrelationId: 'correlation-3',
    });
  });

  it('closes a window on exactly its 1000th reading', () => {
    const changes = accumulateReadings(none, series('s1', 1000), T0, policy);
    expect(changes.closed).toHaveLength(1);
    expect(changes.closed[0]).toMatchObject({
      count: 1000,
      min: 0,
      max: 999,
      avg: 499.5,
      closedBy: 'COUNT',
      windowStart: at(0),
      windowEnd: at(999),
    });
    expect(changes.open.get('s1')).toBeNull();
  });

  it('splits a batch that straddles the boundary: 1,000 in the closed window, the rest in a new one', () => {
    const existing = new Map([
      ['s1', { ...startWindow(reading('s1', 10), T0), count: 990, sum: 9900 }],
    ]);
    // 990 + 10 close the first window, the next 1000 a second one, 15 stay open.
    const changes = accumulateReadings(
      existing,
      series('s1', 1025, () => 10),
      at(1000),
      policy,
    );
    expect(changes.closed.map((window) => [window.count, window.avg])).toEqual([
      [1000, 10],
      [1000, 10],
    ]);
    expect(changes.open.get('s1')).toMatchObject({ count: 15, openedAt: at(1000) });
  });

  it('closes a window past its age before adding the next reading, which opens a new one', () => {
    const existing = new Map([['s1', startWindow(reading('s1', 30), T0)]]);
    const changes = accumulateReadings(existing, [reading('s1', 40, 6000, 2)], at(5000), policy);
    expect(changes.closed).toEqual([
      expect.objectContaining({ count: 1, avg: 30, closedBy: 'AGE', closedAt: at(5000) }),
    ]);
    expect(changes.open.get('s1')).toMatchObject({ count: 1, sum: 40, openedAt: at(5000) });
  });

  it('keeps a window just younger than its age limit', () => {
    const existing = new Map([['s1', startWindow(reading('s1', 30), T0)]]);
    const changes = accumulateReadings(existing, [reading('s1', 40, 1, 2)], at(4999), policy);
    expect(changes.closed).toEqual([]);
    expect(changes.open.get('s1')).toMatchObject({ count: 2, sum: 70, openedAt: T0 });
  });

  it('keeps each sensor in its own window', () => {
    const changes = accumulateReadings(
      none,
      [reading('a', 1), reading('b', 100), reading('a', 3)],
      T0,
      { ...policy, maxReadings: 2 },
    );
    expect(changes.closed).toEqual([expect.objectContaining({ sensorId: 'a', count: 2, avg: 2 })]);
    expect(changes.open.get('a')).toBeNull();
    expect(changes.open.get('b')).toMatchObject({ count: 1, sum: 100 });
  });

  it('rounds the average to 6 decimals, hiding float noise', () => {
    const changes = accumulateReadings(
      none,
      [reading('s1', 0.1), reading('s1', 0.2), reading('s1', 0.3)],
      T0,
      { ...policy, maxReadings: 3 },
    );
    expect(changes.closed[0]?.avg).toBe(0.2);
  });
});

describe('closeExpiredWindows', () => {
  it('closes by age only the windows at least maxAgeMs old', () => {
    const old = startWindow(reading('old', 50), T0);
    const young = startWindow(reading('young', 60), at(1000));
    const closed = closeExpiredWindows([old, young], at(5000), policy);
    expect(closed).toEqual([
      expect.objectContaining({ sensorId: 'old', count: 1, avg: 50, closedBy: 'AGE' }),
    ]);
  });
});

describe('late readings', () => {
  const closedUntil = new Map([['s1', at(1000)]]);

  it('sets aside a reading older than the end of the last closed window', () => {
    const changes = accumulateReadings(
      none,
      [reading('s1', 20, 999, 1), reading('s1', 21, 1000, 2), reading('s1', 22, 1001, 3)],
      at(5000),
      policy,
      closedUntil,
    );
    expect(changes.late.map((r) => r.eventId)).toEqual(['event-s1-1']);
    expect(changes.onTime.map((r) => r.eventId)).toEqual(['event-s1-2', 'event-s1-3']);
    expect(changes.open.get('s1')).toMatchObject({ count: 2, windowStart: at(1000) });
  });

  it('counts a window closed earlier in the same batch', () => {
    const changes = accumulateReadings(
      none,
      [reading('s1', 1, 100, 1), reading('s1', 2, 200, 2), reading('s1', 3, 150, 3)],
      T0,
      { ...policy, maxReadings: 2 },
    );
    expect(changes.closed).toHaveLength(1);
    expect(changes.closedUntil.get('s1')).toEqual(at(200));
    expect(changes.late.map((r) => r.eventId)).toEqual(['event-s1-3']);
    expect(changes.open.get('s1')).toBeNull();
  });

  it('leaves other sensors alone, and keeps the later end when a window ends earlier', () => {
    const existing = new Map([['s1', startWindow(reading('s1', 30, 500), T0)]]);
    const changes = accumulateReadings(
      existing,
      [reading('s1', 40, 1200, 2), reading('s2', 50, 10, 3)],
      at(5000),
      policy,
      closedUntil,
    );
    // The expired window (ending at 500) does not move s1's mark back from 1000.
    expect(changes.closed).toHaveLength(1);
    expect(changes.closedUntil.has('s1')).toBe(false);
    expect(changes.late).toEqual([]);
  });
});
