import { Decimal } from '@kafka-commerce/money';
import { PriceCatalog } from '../orders/application/ports/price-catalog';

/** Test fake of the catalog projection: productId → price string. */
export class InMemoryPriceCatalog extends PriceCatalog {
  constructor(private readonly prices: Readonly<Record<string, string>> = {}) {
    super();
  }

  pricesOf(productIds: readonly string[]): Promise<Map<string, Decimal>> {
    const known = productIds.flatMap((productId) => {
      const price = this.prices[productId];
      return price === undefined ? [] : [[productId, new Decimal(price)] as const];
    });
    return Promise.resolve(new Map(known));
  }
}
