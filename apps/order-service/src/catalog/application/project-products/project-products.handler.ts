import { Injectable, Logger } from '@nestjs/common';
import {
  type EventOf,
  type inventoryLowStockV1,
  type productCreatedV1,
  type productUpdatedV1,
} from '@kafka-commerce/events';
import { type CatalogUpdate, CatalogRepository } from '../ports/catalog-repository';

export type ProductEvent = EventOf<
  typeof productCreatedV1 | typeof productUpdatedV1 | typeof inventoryLowStockV1
>;

export interface ProjectProducts {
  readonly consumer: string;
  readonly events: readonly ProductEvent[];
}

/** Keeps the local price catalog in step with inventory-service's products. */
@Injectable()
export class ProjectProductsHandler {
  private readonly logger = new Logger(ProjectProductsHandler.name);

  constructor(private readonly catalog: CatalogRepository) {}

  async execute({ consumer, events }: ProjectProducts): Promise<void> {
    const updates = events.flatMap(toUpdate);
    // A batch of low-stock alerts only: nothing to store, no transaction needed.
    if (updates.length === 0) return;
    const applied = await this.catalog.applyOnce(consumer, updates);
    this.logger.debug({ received: events.length, applied }, 'catalog updated');
  }
}

function toUpdate(event: ProductEvent): CatalogUpdate[] {
  switch (event.type) {
    case 'product.created': {
      const { productId, sku, name, price, createdAt } = event.payload;
      return [
        {
          eventId: event.eventId,
          entry: { productId, sku, name, price, asOf: new Date(createdAt) },
        },
      ];
    }
    case 'product.updated': {
      const { productId, sku, name, price, updatedAt } = event.payload;
      return [
        {
          eventId: event.eventId,
          entry: { productId, sku, name, price, asOf: new Date(updatedAt) },
        },
      ];
    }
    // Stock levels do not change prices.
    case 'inventory.low-stock':
      return [];
  }
}
