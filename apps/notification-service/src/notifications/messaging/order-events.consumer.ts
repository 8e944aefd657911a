import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderCancelledV1, orderConfirmedV1, orderCreatedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type OrderEvent, reportedFacts } from './notifiable-fact.mapper';

/**
 * orders topic, a fetched batch per statement: order.created feeds the order-owner
 * projection (payment mail is addressed through it); order.confirmed / order.cancelled
 * email the customer.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(
    @Payload() events: OrderEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.notify.execute({ consumer: delivery.getConsumer(), facts: reportedFacts(events) });
  }
}
