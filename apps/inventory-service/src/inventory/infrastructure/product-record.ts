import { toDecimal, toMoney } from '@kafka-commerce/money';
import { Prisma } from '../../generated/prisma/client';
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

const PRODUCT_COLUMNS = Prisma.raw(`
  id::text AS id, sku, name, price::text AS price, stock, reserved, sold,
  initial_stock AS "initialStock", restocked, low_stock_threshold AS "lowStockThreshold",
  low_stock_alerted AS "lowStockAlerted", created_at AS "createdAt"`);

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
  const records = await tx.$queryRaw<ProductRecord[]>(lockProductsSql(ids));
  return records.map(toProduct);
}

/**
 * The locking statement of lockProducts, for the given products and, with `ofOrders`, every
 * product of those orders' reservations too (read from their lines in the same statement).
 */
export function lockProductsSql(
  ids: readonly string[],
  ofOrders: readonly string[] = [],
): Prisma.Sql {
  const reserved =
    ofOrders.length > 0
      ? Prisma.sql`OR id IN (SELECT l.product_id FROM reservation_lines l
                             JOIN reservations r ON r.id = l.reservation_id
                             WHERE r.order_id = ANY(${[...new Set(ofOrders)]}::uuid[]))`
      : Prisma.empty;
  return Prisma.sql`
    SELECT ${PRODUCT_COLUMNS} FROM products
    WHERE id = ANY(${[...new Set(ids)]}::uuid[]) ${reserved}
    ORDER BY id
    FOR UPDATE`;
}
