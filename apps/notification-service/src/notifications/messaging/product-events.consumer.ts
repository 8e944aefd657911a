import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  inventoryLowStockV1,
  productCreatedV1,
  productUpdatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type ProductEvent } from '../domain/notifiable-event';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.products.name}`;

/** products topic: low-stock warnings to operations; catalog changes concern us not. */
@Controller()
export class ProductEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  // Catalog events are accepted (they share the topic) so they are not dead-lettered.
  @EventHandler(TOPICS.products.name, {
    accepts: [productCreatedV1, productUpdatedV1, inventoryLowStockV1],
  })
  async onProductEvent(@Payload() event: ProductEvent): Promise<void> {
    switch (event.type) {
      case 'product.created':
      case 'product.updated':
        return;
      case 'inventory.low-stock':
        await this.notify.execute({ consumer: CONSUMER, event });
        return;
    }
  }
}
