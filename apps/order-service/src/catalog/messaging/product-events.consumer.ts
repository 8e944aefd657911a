import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventOf,
  inventoryLowStockV1,
  productCreatedV1,
  productUpdatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { type CatalogUpdate } from '../application/ports/catalog-repository';
import { ProjectProductsHandler } from '../application/project-products/project-products.handler';

type ProductEvent = EventOf<
  typeof productCreatedV1 | typeof productUpdatedV1 | typeof inventoryLowStockV1
>;

/** products topic → price catalog, a fetched batch per transaction. */
@Controller()
export class ProductEventsConsumer {
  constructor(private readonly projectProducts: ProjectProductsHandler) {}

  @EventHandler(TOPICS.products.name, {
    accepts: [productCreatedV1, productUpdatedV1, inventoryLowStockV1],
    batch: true,
  })
  async onProductEvents(
    @Payload() events: ProductEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.projectProducts.execute({
      consumer: delivery.getConsumer(),
      updates: events.flatMap(catalogUpdatesOf),
    });
  }
}

function catalogUpdatesOf(event: ProductEvent): CatalogUpdate[] {
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
