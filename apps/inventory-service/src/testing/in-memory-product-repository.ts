import { type OutgoingEvent } from '@kafka-commerce/events';
import {
  type ProductChange,
  ProductRepository,
} from '../inventory/application/ports/product-repository';
import { type Product } from '../inventory/domain/product';
import { SkuAlreadyExistsError } from '../inventory/domain/product.errors';

export class InMemoryProductRepository extends ProductRepository {
  readonly products = new Map<string, Product>();
  readonly outbox: OutgoingEvent[] = [];

  create(product: Product, events: readonly OutgoingEvent[]): Promise<void> {
    if ([...this.products.values()].some((existing) => existing.sku === product.sku)) {
      return Promise.reject(new SkuAlreadyExistsError(product.sku));
    }
    this.products.set(product.id, product);
    this.outbox.push(...events);
    return Promise.resolve();
  }

  findById(id: string): Promise<Product | null> {
    return Promise.resolve(this.products.get(id) ?? null);
  }

  list(): Promise<Product[]> {
    return Promise.resolve([...this.products.values()]);
  }

  update(id: string, change: (product: Product) => ProductChange): Promise<Product | null> {
    const current = this.products.get(id);
    if (!current) return Promise.resolve(null);
    try {
      const { product, events } = change(current);
      this.products.set(id, product);
      this.outbox.push(...events);
      return Promise.resolve(product);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
