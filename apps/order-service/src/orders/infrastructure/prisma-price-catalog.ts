import { Injectable } from '@nestjs/common';
import { toDecimal } from '@kafka-commerce/events';
import { type Decimal } from 'decimal.js';
import { OrderDatabase } from '../../database';
import { PriceCatalog } from '../application/ports/price-catalog';

/** Reads the catalog projection the catalog module keeps from the products topic. */
@Injectable()
export class PrismaPriceCatalog extends PriceCatalog {
  constructor(private readonly db: OrderDatabase) {
    super();
  }

  async pricesOf(productIds: readonly string[]): Promise<Map<string, Decimal>> {
    const products = await this.db.catalogProduct.findMany({
      where: { productId: { in: [...productIds] } },
      select: { productId: true, price: true },
    });
    return new Map(
      products.map(({ productId, price }) => [productId, toDecimal(price.toString())]),
    );
  }
}
