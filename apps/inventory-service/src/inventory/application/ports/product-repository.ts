import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Product } from '../../domain/product';

export interface ProductChange {
  readonly product: Product;
  readonly events: readonly OutgoingEvent[];
}

/** Port: the product catalog and its stock counters. */
export abstract class ProductRepository {
  /** Stores a new product with its events, atomically. Throws SkuAlreadyExistsError. */
  abstract create(product: Product, events: readonly OutgoingEvent[]): Promise<void>;

  abstract findById(id: string): Promise<Product | null>;

  /** Every product, oldest first. */
  abstract list(): Promise<Product[]>;

  /**
   * In one transaction: locks the product, lets `change` compute its new state (it may throw
   * to abort), stores it with its events. Returns the stored product, null if there is none.
   */
  abstract update(id: string, change: (product: Product) => ProductChange): Promise<Product | null>;
}
