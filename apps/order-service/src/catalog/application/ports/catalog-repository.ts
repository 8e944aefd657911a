import { type Money } from '@kafka-commerce/money';

/** One product as order pricing needs it. */
export interface CatalogEntry {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly price: Money;
  /** When inventory-service made this version: an older one never replaces a newer one. */
  readonly asOf: Date;
}

export interface CatalogUpdate {
  /** The event the entry comes from; each is applied at most once. */
  readonly eventId: string;
  readonly entry: CatalogEntry;
}

/** Port: the catalog projection. */
export abstract class CatalogRepository {
  /**
   * Applies, in order and in one transaction, the updates whose events this consumer has not
   * handled before; returns how many were new.
   */
  abstract applyOnce(consumer: string, updates: readonly CatalogUpdate[]): Promise<number>;
}
