import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, inventoryLowStockV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.products.name}`;

/** products topic: low-stock warnings to operations; catalog changes concern us not. */
@Controller()
export class ProductEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  // Catalog events share the topic: the transport acknowledges them without a handler call.
  @EventHandler(TOPICS.products.name, { accepts: [inventoryLowStockV1] })
  async onLowStock(@Payload() event: EventOf<typeof inventoryLowStockV1>): Promise<void> {
    await this.notify.execute({ consumer: CONSUMER, event });
  }
}
