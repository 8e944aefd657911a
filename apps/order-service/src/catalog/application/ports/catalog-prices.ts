import { type Decimal } from '@kafka-commerce/money';

/**
 * Port: the catalog's current unit prices, read from its projection. Other modules price
 * with it (the catalog module exports it) rather than read the projection's table.
 */
export abstract class CatalogPrices {
  /** The prices of the products it knows; unknown ids are simply absent. */
  abstract pricesOf(productIds: readonly string[]): Promise<Map<string, Decimal>>;
}
