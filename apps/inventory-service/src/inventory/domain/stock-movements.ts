import { availableOf, checkInvariant, type Product, rearmLowStock } from './product';
import { InventoryInvariantError } from './product.errors';

// How units move between the counters of a product (see product.ts for the model). Each
// function checks its own precondition: the callers decide first, so a failure here is a bug.

export interface ReservedUnits {
  readonly product: Product;
  /**
   * This reservation took available to or below the threshold while the alert was armed.
   * "To or below" is inventory.low-stock's documented meaning; one alert per crossing.
   */
  readonly crossedLowStock: boolean;
}

/** Holds units of available stock for an order (available -= quantity). */
export function reserveUnits(product: Product, quantity: number): ReservedUnits {
  requirePositive(product, quantity);
  if (availableOf(product) < quantity) {
    throw new InventoryInvariantError(product.id, `cannot reserve ${quantity} units`);
  }
  const reserved = checkInvariant({ ...product, reserved: product.reserved + quantity });
  const crossedLowStock =
    !product.lowStockAlerted && availableOf(reserved) <= reserved.lowStockThreshold;
  return {
    product: crossedLowStock ? { ...reserved, lowStockAlerted: true } : reserved,
    crossedLowStock,
  };
}

/** The order was confirmed: held units leave the shelf as sold (available is unchanged). */
export function commitUnits(product: Product, quantity: number): Product {
  requirePositive(product, quantity);
  return checkInvariant({
    ...product,
    reserved: product.reserved - quantity,
    stock: product.stock - quantity,
    sold: product.sold + quantity,
  });
}

/** A pending order was cancelled: held units become available again. */
export function releaseUnits(product: Product, quantity: number): Product {
  requirePositive(product, quantity);
  return rearmLowStock(checkInvariant({ ...product, reserved: product.reserved - quantity }));
}

/** A confirmed order was cancelled: its sold units go back on the shelf, available again. */
export function returnUnits(product: Product, quantity: number): Product {
  requirePositive(product, quantity);
  return rearmLowStock(
    checkInvariant({
      ...product,
      sold: product.sold - quantity,
      stock: product.stock + quantity,
    }),
  );
}

function requirePositive(product: Product, quantity: number): void {
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new InventoryInvariantError(product.id, `quantity ${quantity} is not a positive integer`);
  }
}
