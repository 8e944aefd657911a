import { aProduct, unitsAccountedFor } from '../../testing/product-builder';
import { availableOf, restock } from './product';
import { InventoryInvariantError } from './product.errors';
import { commitUnits, releaseUnits, reserveUnits, returnUnits } from './stock-movements';

describe('stock movements', () => {
  it('reserve holds units: available down, reserved up, stock unchanged', () => {
    const { product } = reserveUnits(aProduct({ stock: 10 }), 3);
    expect(product).toMatchObject({ stock: 10, reserved: 3, sold: 0 });
    expect(availableOf(product)).toBe(7);
    expect(unitsAccountedFor(product)).toBe(true);
  });

  it('reserve may take exactly what is available, and refuses one unit more', () => {
    expect(availableOf(reserveUnits(aProduct({ stock: 4 }), 4).product)).toBe(0);
    expect(() => reserveUnits(aProduct({ stock: 4 }), 5)).toThrow(InventoryInvariantError);
  });

  it('commit turns held units into sold ones: stock and reserved down, sold up', () => {
    const held = reserveUnits(aProduct({ stock: 10 }), 3).product;
    const sold = commitUnits(held, 3);
    expect(sold).toMatchObject({ stock: 7, reserved: 0, sold: 3 });
    expect(availableOf(sold)).toBe(7);
    expect(unitsAccountedFor(sold)).toBe(true);
  });

  it('release gives held units back to available', () => {
    const held = reserveUnits(aProduct({ stock: 10 }), 3).product;
    const released = releaseUnits(held, 3);
    expect(released).toMatchObject({ stock: 10, reserved: 0, sold: 0 });
    expect(availableOf(released)).toBe(10);
  });

  it('return puts sold units back on the shelf', () => {
    const sold = commitUnits(reserveUnits(aProduct({ stock: 10 }), 3).product, 3);
    const returned = returnUnits(sold, 3);
    expect(returned).toMatchObject({ stock: 10, reserved: 0, sold: 0 });
    expect(unitsAccountedFor(returned)).toBe(true);
  });

  it('never lets a counter go negative', () => {
    const product = aProduct({ stock: 10 });
    expect(() => commitUnits(product, 1)).toThrow(InventoryInvariantError);
    expect(() => releaseUnits(product, 1)).toThrow(InventoryInvariantError);
    expect(() => returnUnits(product, 1)).toThrow(InventoryInvariantError);
    expect(() => reserveUnits(product, 0)).toThrow(InventoryInvariantError);
  });
});

describe('low-stock crossing', () => {
  const threshold = 5;

  it('is reported by the reservation that takes available to the threshold', () => {
    const above = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 4);
    expect(above.crossedLowStock).toBe(false);
    const at = reserveUnits(above.product, 1);
    expect(availableOf(at.product)).toBe(threshold);
    expect(at.crossedLowStock).toBe(true);
    expect(at.product.lowStockAlerted).toBe(true);
  });

  it('is reported once, not by every later reservation', () => {
    const first = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 6);
    const second = reserveUnits(first.product, 1);
    const third = reserveUnits(second.product, 3);
    expect([first, second, third].map((step) => step.crossedLowStock)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('re-arms when a release lifts available above the threshold, and fires again', () => {
    const low = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 6).product;
    const released = releaseUnits(low, 6);
    expect(released.lowStockAlerted).toBe(false);
    expect(reserveUnits(released, 5).crossedLowStock).toBe(true);
  });

  it('stays disarmed when a release leaves available at or below the threshold', () => {
    const low = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 7).product;
    const partlyBack = releaseUnits(reserveUnits(low, 1).product, 1);
    expect(partlyBack.lowStockAlerted).toBe(true);
    expect(reserveUnits(partlyBack, 1).crossedLowStock).toBe(false);
  });

  it('re-arms after a restock above the threshold', () => {
    const low = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 8).product;
    const restocked = restock(low, 10);
    expect(restocked.lowStockAlerted).toBe(false);
    expect(reserveUnits(restocked, 12).crossedLowStock).toBe(true);
  });

  it('with threshold 0, fires when the last unit is reserved', () => {
    const first = reserveUnits(aProduct({ stock: 2, lowStockThreshold: 0 }), 1);
    expect(first.crossedLowStock).toBe(false);
    expect(reserveUnits(first.product, 1).crossedLowStock).toBe(true);
  });

  it('is not re-armed by a confirmation, which leaves available unchanged', () => {
    const low = reserveUnits(aProduct({ stock: 10, lowStockThreshold: threshold }), 6).product;
    expect(commitUnits(low, 6).lowStockAlerted).toBe(true);
  });
});
