import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  inventoryLowStockV1,
  productCreatedV1,
  productUpdatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import {
  type ProductEvent,
  ProjectProductsHandler,
} from '../application/project-products/project-products.handler';

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
    await this.projectProducts.execute({ consumer: delivery.getConsumer(), events });
  }
}
