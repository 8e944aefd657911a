import { utcMinuteOf } from './utc-minute';

describe('utcMinuteOf', () => {
  it('truncates to the start of the UTC minute, whatever the offset', () => {
    expect(utcMinuteOf('2026-12-01T00:30:59.999+01:00')).toBe('2026-11-30T23:30:00.000Z');
    expect(utcMinuteOf(new Date('2026-12-01T10:00:00.000Z'))).toBe('2026-12-01T10:00:00.000Z');
  });

  it('refuses what is not an instant', () => {
    expect(() => utcMinuteOf('yesterday')).toThrow(RangeError);
  });
});
