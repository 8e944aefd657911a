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
import { utcDayOf } from '../domain/utc-day';
import { utcMinuteOf } from '../domain/utc-minute';

/** orders topic → order counts per status, confirmed revenue, top products, per-day sales. */
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

// Each fact counts on the UTC day (and minute) of the event's own timestamp, not on the
// consumer's clock: a replay, a lagging consumer or a re-driven dead letter puts it on the same
// day.
function toFact(event: EventsOnTopic<'orders'>): OrderFact {
  switch (event.type) {
    case 'order.created':
      return {
        kind: 'created',
        orderId: event.payload.orderId,
        totalAmount: event.payload.totalAmount,
        lines: event.payload.items,
        on: utcDayOf(event.payload.createdAt),
        at: utcMinuteOf(event.payload.createdAt),
      };
    case 'order.confirmed':
      return {
        kind: 'confirmed',
        orderId: event.payload.orderId,
        totalAmount: event.payload.totalAmount,
        lines: event.payload.items,
        on: utcDayOf(event.payload.confirmedAt),
        at: utcMinuteOf(event.payload.confirmedAt),
      };
    case 'order.cancelled':
      return {
        kind: 'cancelled',
        orderId: event.payload.orderId,
        reason: event.payload.reason,
        on: utcDayOf(event.payload.cancelledAt),
        at: utcMinuteOf(event.payload.cancelledAt),
      };
  }
}
