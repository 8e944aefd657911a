import { randomUUID } from 'node:crypto';
import { newProduct, type Product } from '../inventory/domain/product';

/** A fresh product (nothing reserved or sold yet) with test defaults. */
export function aProduct(overrides: Partial<Parameters<typeof newProduct>[0]> = {}): Product {
  return newProduct({
    id: randomUUID(),
    sku: `SKU-${randomUUID().slice(0, 8)}`,
    name: 'Kafka mug',
    price: '19.99',
    stock: 10,
    lowStockThreshold: 0,
    createdAt: new Date('2026-11-26T09:00:00.000Z'),
    ...overrides,
  });
}

/** The invariant of design.md §8.2, as the tests assert it. */
export function unitsAccountedFor(product: Product): boolean {
  const available = product.stock - product.reserved;
  return (
    available >= 0 &&
    product.reserved >= 0 &&
    product.sold >= 0 &&
    available + product.reserved + product.sold === product.initialStock + product.restocked
  );
}
