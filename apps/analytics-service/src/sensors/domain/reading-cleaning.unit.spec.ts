import { DEFAULT_PLAUSIBLE_RANGE, screenReadings } from './reading-cleaning';
import { type IncomingReading } from './temperature-reading';

const T0 = Date.parse('2026-11-26T10:00:00.000Z');

function reading(value: number, offsetMs = 0, unit: 'C' | 'F' = 'C', n = 0): IncomingReading {
  return {
    sensorId: 's1',
    value,
    unit,
    timestamp: new Date(T0 + offsetMs),
    eventId: `event-${n}`,
    correlationId: 'c',
  };
}

describe('screenReadings', () => {
  it('standardises to °C and keeps the unit reported', () => {
    const [screened] = screenReadings([reading(212, 0, 'F')], DEFAULT_PLAUSIBLE_RANGE);
    expect(screened).toEqual({
      kind: 'clean',
      reading: {
        sensorId: 's1',
        temperature: 100,
        unit: 'F',
        timestamp: new Date(T0),
        eventId: 'event-0',
        correlationId: 'c',
      },
    });
  });

  it('refuses readings outside −90…150 °C, bounds included as plausible, after conversion', () => {
    const screened = screenReadings(
      [
        reading(-90, 1),
        reading(150, 2),
        reading(-90.01, 3),
        reading(150.01, 4),
        reading(302, 5, 'F'), // 150 °C
        reading(302.1, 6, 'F'),
      ],
      DEFAULT_PLAUSIBLE_RANGE,
    );
    expect(
      screened.map((entry) => (entry.kind === 'rejected' ? entry.reading.reason : entry.kind)),
    ).toEqual(['clean', 'clean', 'below_min', 'above_max', 'clean', 'above_max']);
    expect(screened[5]).toMatchObject({ reading: { rawValue: 302.1, unit: 'F' } });
  });

  it('marks a second reading of the sensor at the same instant as a duplicate, whatever its value', () => {
    const screened = screenReadings(
      [
        reading(20, 0, 'C', 1),
        reading(21, 0, 'C', 2),
        reading(500, 0, 'C', 3),
        reading(20, 1, 'C', 4),
      ],
      DEFAULT_PLAUSIBLE_RANGE,
    );
    expect(screened.map((entry) => entry.kind)).toEqual([
      'clean',
      'duplicate',
      'duplicate',
      'clean',
    ]);
    expect(screened[1]).toEqual({ kind: 'duplicate', eventId: 'event-2' });
  });
});
