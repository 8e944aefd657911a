import { Decimal } from '@kafka-commerce/money';
import { OrderTotalTooLargeError, UnknownProductsError } from './order.errors';
import { MAX_ORDER_TOTAL, priceLines } from './pricing';

const MUG = '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c';
const TEA = 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b';
const PEN = '0e4b8d5a-2c1f-4a3e-9b7d-6f5e4d3c2b1a';

const catalog = (prices: Record<string, string>) =>
  new Map(Object.entries(prices).map(([id, price]) => [id, new Decimal(price)]));

describe('priceLines', () => {
  it('prices each line at the catalog price: 3 × 19.99 = 59.97 exactly', () => {
    const { lines, totalAmount } = priceLines(
      [{ productId: MUG, quantity: 3 }],
      catalog({ [MUG]: '19.99' }),
    );
    expect(lines).toEqual([{ productId: MUG, quantity: 3, unitPrice: new Decimal('19.99') }]);
    expect(totalAmount.toFixed(2)).toBe('59.97');
  });

  it('sums many lines without drift', () => {
    const prices: Record<string, string> = {};
    const requested = [];
    for (let i = 0; i < 50; i += 1) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      prices[id] = '0.10';
      requested.push({ productId: id, quantity: 7 });
    }
    // 50 × 7 × 0.10 = 35.00; the same sum in floats is 34.99999999999999.
    expect(priceLines(requested, catalog(prices)).totalAmount.toFixed(2)).toBe('35.00');
    expect(priceLines(requested, catalog(prices)).totalAmount.equals(new Decimal(35))).toBe(true);
  });

  it('multiplies without binary rounding: 3 × 0.10 = 0.30, 3 × 1.10 = 3.30', () => {
    const { lines, totalAmount } = priceLines(
      [
        { productId: MUG, quantity: 3 },
        { productId: TEA, quantity: 3 },
      ],
      catalog({ [MUG]: '0.10', [TEA]: '1.10' }),
    );
    expect(lines[0]!.unitPrice.times(3).toString()).toBe('0.3');
    expect(totalAmount.toString()).toBe('3.6');
  });

  it('adds lines of different prices exactly: 2 × 19.99 + 1 × 5.00 + 4 × 0.15 = 45.58', () => {
    const { totalAmount } = priceLines(
      [
        { productId: MUG, quantity: 2 },
        { productId: TEA, quantity: 1 },
        { productId: PEN, quantity: 4 },
      ],
      catalog({ [MUG]: '19.99', [TEA]: '5.00', [PEN]: '0.15' }),
    );
    expect(totalAmount.toFixed(2)).toBe('45.58');
  });

  it('merges lines of the same product, keeping first-seen order', () => {
    const { lines, totalAmount } = priceLines(
      [
        { productId: TEA, quantity: 1 },
        { productId: MUG, quantity: 2 },
        { productId: TEA, quantity: 3 },
      ],
      catalog({ [MUG]: '19.99', [TEA]: '5.00' }),
    );
    expect(lines.map(({ productId, quantity }) => ({ productId, quantity }))).toEqual([
      { productId: TEA, quantity: 4 },
      { productId: MUG, quantity: 2 },
    ]);
    expect(totalAmount.toFixed(2)).toBe('59.98');
  });

  it('names every unknown product, once each', () => {
    const attempt = () =>
      priceLines(
        [
          { productId: MUG, quantity: 1 },
          { productId: TEA, quantity: 1 },
          { productId: PEN, quantity: 1 },
          { productId: PEN, quantity: 2 },
        ],
        catalog({ [MUG]: '19.99' }),
      );
    expect(attempt).toThrow(UnknownProductsError);
    try {
      attempt();
    } catch (error) {
      expect((error as UnknownProductsError).productIds).toEqual([TEA, PEN]);
    }
  });

  it('accepts a total of exactly the largest storable amount and refuses one cent more', () => {
    expect(
      priceLines([{ productId: MUG, quantity: 1 }], new Map([[MUG, MAX_ORDER_TOTAL]])).totalAmount,
    ).toEqual(MAX_ORDER_TOTAL);
    expect(() =>
      priceLines(
        [
          { productId: MUG, quantity: 1 },
          { productId: TEA, quantity: 1 },
        ],
        new Map([
          [MUG, MAX_ORDER_TOTAL],
          [TEA, new Decimal('0.01')],
        ]),
      ),
    ).toThrow(OrderTotalTooLargeError);
  });
});
