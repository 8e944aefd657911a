import { toDecimal, type Decimal } from '@kafka-commerce/money';
import { Injectable } from '@nestjs/common';
import { DatabasePool } from '@kafka-commerce/platform';
import { CatalogPrices } from '../application/ports/catalog-prices';

const PRICES_SQL = `
  SELECT product_id::text AS "productId", price::text AS price
  FROM catalog_products WHERE product_id = ANY($1::uuid[])`;

/**
 * Reads the projection's prices. On the pg pool, not Prisma's client: every POST /orders
 * asks, and Prisma's query layer was a tenth of order-service's busy CPU under load.
 */
@Injectable()
export class PostgresCatalogPrices extends CatalogPrices {
  constructor(private readonly pool: DatabasePool) {
    super();
  }

  async pricesOf(productIds: readonly string[]): Promise<Map<string, Decimal>> {
    const { rows } = await this.pool.query<{ productId: string; price: string }>(PRICES_SQL, [
      [...productIds],
    ]);
    return new Map(rows.map(({ productId, price }) => [productId, toDecimal(price)]));
  }
}
