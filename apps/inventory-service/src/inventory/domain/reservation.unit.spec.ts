import { sumLines } from './reservation';

describe('sumLines', () => {
  it('sums the lines of one product, keeping the order of first appearance', () => {
    expect(
      sumLines([
        { productId: 'b', quantity: 1 },
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 3 },
      ]),
    ).toEqual([
      { productId: 'b', quantity: 4 },
      { productId: 'a', quantity: 2 },
    ]);
  });
});
