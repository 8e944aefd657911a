import { toCelsius } from './temperature-unit';

describe('toCelsius', () => {
  it.each([
    [212, 100],
    [32, 0],
    [-40, -40],
    [98.6, 37],
    [0, -17.7778],
    [100, 37.7778],
    [70.7, 21.5],
    [-459.67, -273.15],
  ])('converts %p °F to %p °C (4 decimals)', (fahrenheit, celsius) => {
    expect(toCelsius(fahrenheit, 'F')).toBe(celsius);
  });

  it('converts in decimal, so no float noise shows', () => {
    expect((77.9 - 32) * (5 / 9)).toBe(25.500000000000004);
    expect(toCelsius(77.9, 'F')).toBe(25.5);
    expect((33.8 - 32) * (5 / 9)).toBe(0.9999999999999984);
    expect(toCelsius(33.8, 'F')).toBe(1);
  });

  it('rounds half to even at the fourth decimal', () => {
    // 32.00009 °F = 0.00005 °C exactly: the tie goes to the even neighbour, 0.
    expect(toCelsius(32.00009, 'F')).toBe(0);
    // 32.00027 °F = 0.00015 °C: to 0.0002.
    expect(toCelsius(32.00027, 'F')).toBe(0.0002);
  });

  it('keeps a Celsius reading exactly as reported', () => {
    expect(toCelsius(21.123456789, 'C')).toBe(21.123456789);
  });
});
