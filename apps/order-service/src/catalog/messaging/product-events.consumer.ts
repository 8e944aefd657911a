import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  inventoryLowStockV1,
  productCreatedV1,
  productUpdatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ORDER_SERVICE } from '../../config/order-service.config';
import {
  type ProductEvent,
  ProjectProductsHandler,
} from '../application/project-products/project-products.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${ORDER_SERVICE}.${TOPICS.products.name}`;

/** products topic → price catalog, a fetched batch per transaction. */
@Controller()
export class ProductEventsConsumer {
  constructor(private readonly projectProducts: ProjectProductsHandler) {}

  @EventHandler(TOPICS.products.name, {
    accepts: [productCreatedV1, productUpdatedV1, inventoryLowStockV1],
    batch: true,
  })
  async onProductEvents(@Payload() events: ProductEvent[]): Promise<void> {
    await this.projectProducts.execute({ consumer: CONSUMER, events });
  }
}
