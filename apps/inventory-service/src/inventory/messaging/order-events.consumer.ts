import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderCancelledV1, orderConfirmedV1, orderCreatedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import {
  ApplyOrderEventsHandler,
  type OrderEvent,
} from '../application/apply-order-events/apply-order-events.handler';

/**
 * orders topic → reservations, a fetched batch per transaction: the batch locks its orders'
 * reservations and products once, in a fixed order. If it fails, the transport applies its
 * events one at a time, so one bad event holds back only its own order.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly applyOrderEvents: ApplyOrderEventsHandler) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(
    @Payload() events: OrderEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.applyOrderEvents.execute(delivery.getConsumer(), events);
  }
}
