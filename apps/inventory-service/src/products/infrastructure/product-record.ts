import { toDecimal, toMoney } from '@kafka-commerce/events';
import { type Prisma } from '../../generated/prisma/client';
import { type Product } from '../domain/product';

/** A products row as Prisma or the locking query returns it (price as Decimal or text). */
export interface ProductRecord extends Omit<Product, 'price'> {
  readonly price: { toString(): string };
}

export function toProduct(record: ProductRecord): Product {
  return {
    id: record.id,
    sku: record.sku,
    name: record.name,
    price: toMoney(toDecimal(record.price.toString())),
    stock: record.stock,
    reserved: record.reserved,
    sold: record.sold,
    initialStock: record.initialStock,
    restocked: record.restocked,
    lowStockThreshold: record.lowStockThreshold,
    lowStockAlerted: record.lowStockAlerted,
    createdAt: record.createdAt,
  };
}

/** The columns a stock change writes (identity and catalog data never change here). */
export function countersOf(product: Product): Prisma.ProductUpdateInput {
  return {
    stock: product.stock,
    reserved: product.reserved,
    sold: product.sold,
    restocked: product.restocked,
    lowStockAlerted: product.lowStockAlerted,
  };
}

/**
 * Locks the products (SELECT … FOR UPDATE) in id order and returns them, in one statement.
 * Every transaction that changes stock locks through here, so two orders sharing products
 * always take the locks in the same order and never deadlock; the row lock also makes the
 * counters read here the ones this transaction overwrites.
 */
export async function lockProducts(
  tx: Prisma.TransactionClient,
  ids: readonly string[],
): Promise<Product[]> {
  if (ids.length === 0) return [];
  const records = await tx.$queryRaw<ProductRecord[]>`
    SELECT id::text AS id, sku, name, price::text AS price, stock, reserved, sold,
           initial_stock AS "initialStock", restocked,
           low_stock_threshold AS "lowStockThreshold", low_stock_alerted AS "lowStockAlerted",
           created_at AS "createdAt"
    FROM products
    WHERE id = ANY(${[...new Set(ids)]}::uuid[])
    ORDER BY id
    FOR UPDATE`;
  return records.map(toProduct);
}
