import { aProduct, unitsAccountedFor } from '../../testing/product-builder';
import { availableOf, checkInvariant, MAX_UNITS, newProduct, restock } from './product';
import { InventoryInvariantError, StockLimitExceededError } from './product.errors';

describe('newProduct', () => {
  it('starts with its opening stock all available, nothing reserved or sold', () => {
    const product = aProduct({ stock: 100 });
    expect(product).toMatchObject({ stock: 100, reserved: 0, sold: 0, initialStock: 100 });
    expect(availableOf(product)).toBe(100);
    expect(unitsAccountedFor(product)).toBe(true);
  });

  it('writes the price in canonical money form', () => {
    expect(aProduct({ price: '19.9' }).price).toBe('19.90');
    expect(aProduct({ price: '0' }).price).toBe('0.00');
  });

  it('refuses a price the column cannot hold and counts out of range', () => {
    expect(() => aProduct({ price: '10000000000.00' })).toThrow(RangeError);
    expect(() => aProduct({ stock: -1 })).toThrow(RangeError);
    expect(() => aProduct({ stock: 1.5 })).toThrow(RangeError);
    expect(() => aProduct({ lowStockThreshold: MAX_UNITS + 1 })).toThrow(RangeError);
  });

  it('starts with the low-stock alert armed, even when created below the threshold', () => {
    expect(newProduct({ ...base(), stock: 2, lowStockThreshold: 5 }).lowStockAlerted).toBe(false);
  });
});

describe('restock', () => {
  it('adds the units to stock and to the restocked total', () => {
    const product = restock(aProduct({ stock: 10 }), 5);
    expect(product).toMatchObject({ stock: 15, restocked: 5, initialStock: 10 });
    expect(availableOf(product)).toBe(15);
    expect(unitsAccountedFor(product)).toBe(true);
  });

  it('re-arms the low-stock alert once available is above the threshold', () => {
    const alerted = { ...aProduct({ stock: 5, lowStockThreshold: 5 }), lowStockAlerted: true };
    expect(restock(alerted, 1).lowStockAlerted).toBe(false);
  });

  it('keeps the alert while available is still at or below the threshold', () => {
    const alerted = { ...aProduct({ stock: 2, lowStockThreshold: 5 }), lowStockAlerted: true };
    expect(restock(alerted, 3).lowStockAlerted).toBe(true);
  });

  it('refuses to receive more than the unit limit in all', () => {
    const product = aProduct({ stock: MAX_UNITS - 1 });
    expect(restock(product, 1).stock).toBe(MAX_UNITS);
    expect(() => restock(product, 2)).toThrow(StockLimitExceededError);
  });

  it('refuses a quantity that is not a positive integer', () => {
    expect(() => restock(aProduct(), 0)).toThrow(RangeError);
    expect(() => restock(aProduct(), 1.5)).toThrow(RangeError);
  });
});

describe('checkInvariant', () => {
  it.each([
    ['more reserved than on hand', { stock: 3, reserved: 4 }],
    ['units that do not add up', { stock: 10, sold: 1 }],
    ['a negative counter', { stock: -1, initialStock: -1 }],
  ])('refuses %s', (_case, counters) => {
    expect(() => checkInvariant({ ...aProduct({ stock: 10 }), ...counters })).toThrow(
      InventoryInvariantError,
    );
  });
});

function base() {
  return {
    id: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
    sku: 'MUG-001',
    name: 'Kafka mug',
    price: '19.99',
    createdAt: new Date('2026-11-26T09:00:00.000Z'),
  };
}
