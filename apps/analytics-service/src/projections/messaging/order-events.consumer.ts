import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventsOnTopic,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { RecordOrdersHandler } from '../application/record-orders/record-orders.handler';
import { type OrderFact } from '../domain/order-projection';

/** Also the inbox's consumer name: it must never change, or events would be counted again. */
const CONSUMER = `${ANALYTICS_SERVICE}.${TOPICS.orders.name}`;

/** orders topic → order counts per status, confirmed revenue, top products. */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly recordOrders: RecordOrdersHandler) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(@Payload() events: EventsOnTopic<'orders'>[]): Promise<void> {
    await this.recordOrders.execute({
      consumer: CONSUMER,
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
