import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { inventoryLowStockV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type LowStockEvent, reportedFacts } from './notifiable-fact.mapper';

/** products topic: low-stock warnings to operations; catalog changes concern us not. */
@Controller()
export class ProductEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  // Catalog events share the topic: the transport acknowledges them without a handler call.
  @EventHandler(TOPICS.products.name, { accepts: [inventoryLowStockV1], batch: true })
  async onLowStock(
    @Payload() events: LowStockEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.notify.execute({ consumer: delivery.getConsumer(), facts: reportedFacts(events) });
  }
}
