import { Decimal, moneySchema, toDecimal, toMoney } from './money';

describe('moneySchema', () => {
  it.each(['0', '0.5', '0.50', '19.99', '10000.00', '12345678901234567.89'])('accepts %s', (v) => {
    expect(moneySchema.safeParse(v).success).toBe(true);
  });

  it.each([
    ['a negative amount', '-1.00'],
    ['a leading plus', '+1.00'],
    ['three decimals', '1.999'],
    ['an exponent', '1e3'],
    ['a leading zero', '01.00'],
    ['a bare point', '1.'],
    ['no integer part', '.50'],
    ['spaces', ' 1.00'],
    ['a comma', '1,00'],
    ['an empty string', ''],
    ['too many digits', '123456789012345678.00'],
  ])('rejects %s', (_name, value) => {
    expect(moneySchema.safeParse(value).success).toBe(false);
  });

  it('rejects a JSON number, which would be a float', () => {
    expect(moneySchema.safeParse(19.99).success).toBe(false);
  });
});

describe('toDecimal', () => {
  it('reads money exactly (no float rounding)', () => {
    expect(toDecimal('0.10').plus(toDecimal('0.20')).equals(new Decimal('0.3'))).toBe(true);
  });

  it('refuses what is not money', () => {
    expect(() => toDecimal('-1')).toThrow(RangeError);
    expect(() => toDecimal('NaN')).toThrow(RangeError);
  });
});

describe('toMoney', () => {
  it.each([
    ['19.99', '19.99'],
    ['5', '5.00'],
    ['0.005', '0.01'],
    ['2.345', '2.35'],
    ['2.344', '2.34'],
    ['0', '0.00'],
    ['-0', '0.00'],
  ])('writes %s as %s (two places, half-up)', (input, expected) => {
    expect(toMoney(new Decimal(input))).toBe(expected);
  });

  it('round-trips a total', () => {
    const total = toDecimal('19.99').times(2).plus(toDecimal('5.00'));
    expect(toMoney(total)).toBe('44.98');
  });

  it.each([
    ['NaN', new Decimal(NaN)],
    ['Infinity', new Decimal(Infinity)],
    ['a negative amount', new Decimal('-0.01')],
    ['a tiny negative amount', new Decimal('-0.001')],
    ['an amount too large', new Decimal('1e18')],
  ])('refuses %s', (_name, value) => {
    expect(() => toMoney(value)).toThrow(RangeError);
  });

  it('always produces valid money', () => {
    expect(moneySchema.safeParse(toMoney(new Decimal('1234.5'))).success).toBe(true);
  });
});
