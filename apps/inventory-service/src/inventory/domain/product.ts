import { type Money, toDecimal, toMoney } from '@kafka-commerce/money';
import { InventoryInvariantError, StockLimitExceededError } from './product.errors';

/**
 * A product and its stock counters. The model behind design.md §8.2:
 * - `stock`: units physically on hand and not yet sold (reserved units included);
 * - `reserved`: units held for orders that are not final yet;
 * - available = stock - reserved (derived, never stored, so it cannot drift);
 * - `sold`: units of confirmed orders;
 * - `initialStock` + `restocked`: every unit the product ever received.
 * Hence available + reserved + sold = stock + sold = initialStock + restocked, which
 * {@link checkInvariant} (and a CHECK constraint in the database) holds at every change.
 */
export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly price: Money;
  readonly stock: number;
  readonly reserved: number;
  readonly sold: number;
  readonly initialStock: number;
  readonly restocked: number;
  readonly lowStockThreshold: number;
  /** inventory.low-stock was emitted and available has not risen above the threshold since. */
  readonly lowStockAlerted: boolean;
  readonly createdAt: Date;
}

/** Counters are INTEGER columns; capping every unit ever received keeps them all in range. */
export const MAX_UNITS = 1_000_000_000;

/** The largest price a DECIMAL(12, 2) column holds. */
export const MAX_PRICE = '9999999999.99';

export interface NewProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly price: Money;
  readonly stock: number;
  readonly lowStockThreshold: number;
  readonly createdAt: Date;
}

export function availableOf(product: Product): number {
  return product.stock - product.reserved;
}

export function newProduct(input: NewProduct): Product {
  const price = toDecimal(input.price);
  if (price.greaterThan(MAX_PRICE)) throw new RangeError(`price above ${MAX_PRICE}`);
  assertUnits('stock', input.stock);
  assertUnits('lowStockThreshold', input.lowStockThreshold);
  return checkInvariant({
    ...input,
    price: toMoney(price),
    reserved: 0,
    sold: 0,
    initialStock: input.stock,
    restocked: 0,
    lowStockAlerted: false,
  });
}

/** Adds received units. Throws StockLimitExceededError past {@link MAX_UNITS} received in all. */
export function restock(product: Product, quantity: number): Product {
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new RangeError(`restock quantity must be a positive integer, got ${quantity}`);
  }
  if (product.initialStock + product.restocked + quantity > MAX_UNITS) {
    throw new StockLimitExceededError(product.id, MAX_UNITS);
  }
  return rearmLowStock(
    checkInvariant({
      ...product,
      stock: product.stock + quantity,
      restocked: product.restocked + quantity,
    }),
  );
}

/** Clears the low-stock alert once available is above the threshold again (after restock or release). */
export function rearmLowStock(product: Product): Product {
  return product.lowStockAlerted && availableOf(product) > product.lowStockThreshold
    ? { ...product, lowStockAlerted: false }
    : product;
}

/** Throws InventoryInvariantError when the counters break the stock model: a bug, never input. */
export function checkInvariant(product: Product): Product {
  const counters = [
    product.stock,
    product.reserved,
    product.sold,
    product.initialStock,
    product.restocked,
    product.lowStockThreshold,
  ];
  if (!counters.every((count) => Number.isInteger(count) && count >= 0)) {
    throw new InventoryInvariantError(product.id, 'a counter is negative or not an integer');
  }
  if (product.reserved > product.stock) {
    throw new InventoryInvariantError(product.id, 'more units reserved than on hand');
  }
  if (product.stock + product.sold !== product.initialStock + product.restocked) {
    throw new InventoryInvariantError(product.id, 'units on hand and sold do not add up');
  }
  return product;
}

function assertUnits(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_UNITS) {
    throw new RangeError(`${field} must be an integer from 0 to ${MAX_UNITS}, got ${value}`);
  }
}
