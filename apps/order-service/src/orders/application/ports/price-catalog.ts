import { type Decimal } from '@kafka-commerce/money';

/** Port: current unit prices from the local catalog projection. */
export abstract class PriceCatalog {
  /** The prices of the products it knows; unknown ids are simply absent. */
  abstract pricesOf(productIds: readonly string[]): Promise<Map<string, Decimal>>;
}
