import { daysInRange, eachDay, parseUtcDay, type UtcDay, utcDayOf } from './utc-day';

const day = (text: string) => text as UtcDay;

describe('UTC days', () => {
  it('takes the UTC day of an instant, whatever its offset', () => {
    expect(utcDayOf('2026-12-01T23:59:59.999Z')).toBe('2026-12-01');
    expect(utcDayOf('2026-12-02T00:30:00.000+01:00')).toBe('2026-12-01');
    expect(utcDayOf('2026-12-01T20:00:00.000-05:00')).toBe('2026-12-02');
    expect(utcDayOf(new Date(Date.UTC(2026, 11, 1)))).toBe('2026-12-01');
    expect(() => utcDayOf('yesterday')).toThrow(RangeError);
  });

  it('parses only real days written YYYY-MM-DD', () => {
    expect(parseUtcDay('2026-12-01')).toBe('2026-12-01');
    expect(parseUtcDay('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01']) {
      expect(parseUtcDay(bad)).toBeNull();
    }
    for (const bad of ['', '20261201', '2026-12-01T00:00:00Z', ' 2026-12-01', '2026-12-01\n']) {
      expect(parseUtcDay(bad)).toBeNull();
    }
  });

  it('counts and lists the days of a range, both ends included', () => {
    expect(daysInRange(day('2026-12-01'), day('2026-12-01'))).toBe(1);
    expect(daysInRange(day('2026-12-02'), day('2026-12-01'))).toBe(0);
    expect(daysInRange(day('2028-01-01'), day('2028-12-31'))).toBe(366);
    expect(eachDay(day('2028-02-27'), day('2028-03-01'))).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(eachDay(day('2026-12-02'), day('2026-12-01'))).toEqual([]);
  });
});
