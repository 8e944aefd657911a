import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventsOnTopic,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { RecordOrdersHandler } from '../application/record-orders/record-orders.handler';
import { type OrderFact } from '../domain/order-projection';

/** orders topic → order counts per status, confirmed revenue, top products. */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly recordOrders: RecordOrdersHandler) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(
    @Payload() events: EventsOnTopic<'orders'>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.recordOrders.execute({
      consumer: delivery.getConsumer(),
      facts: events.map((event) => ({ eventId: event.eventId, fact: toFact(event) })),
    });
  }
}

function toFact(event: EventsOnTopic<'orders'>): OrderFact {
  switch (event.type) {
    case 'order.created':
    case 'order.confirmed':
      return {
        kind: event.type === 'order.created' ? 'created' : 'confirmed',
        orderId: event.payload.orderId,
        totalAmount: event.payload.totalAmount,
        lines: event.payload.items,
      };
    case 'order.cancelled':
      return { kind: 'cancelled', orderId: event.payload.orderId };
  }
}
