import { linearScale, niceCeiling, px, utcTime } from './scale';

describe('chart scaling', () => {
  it('maps a domain onto a range, inverted as SVG y axes are', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect([y(0), y(5), y(10)]).toEqual([200, 100, 0]);
  });

  it('puts every value of a one-value domain in the middle of the range', () => {
    expect(linearScale([7, 7], [0, 100])(7)).toBe(50);
  });

  it('rounds an axis top up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 6, 10, 11, 49, 51, 120].map(niceCeiling)).toEqual([
      1, 1, 2, 5, 10, 10, 20, 50, 100, 200,
    ]);
  });

  it('writes coordinates with one decimal and times in UTC', () => {
    expect(px(12.345)).toBe('12.3');
    expect(utcTime(new Date('2026-12-07T06:05:09.000+01:00'))).toBe('05:05');
    expect(utcTime(new Date('2026-12-07T06:05:09.000Z'), true)).toBe('06:05:09');
  });
});
