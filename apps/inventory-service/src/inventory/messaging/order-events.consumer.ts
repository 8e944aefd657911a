import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import {
  ApplyOrderCommandsHandler,
  type OrderCommand,
} from '../application/apply-order-commands/apply-order-commands.handler';

export type OrderEvent =
  | EventOf<typeof orderCreatedV1>
  | EventOf<typeof orderConfirmedV1>
  | EventOf<typeof orderCancelledV1>;

/**
 * orders topic → reservations, a fetched batch per transaction: the batch locks its orders'
 * reservations and products once, in a fixed order. If it fails, the transport applies its
 * events one at a time, so one bad event holds back only its own order.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly applyOrderCommands: ApplyOrderCommandsHandler) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(
    @Payload() events: OrderEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.applyOrderCommands.execute(delivery.getConsumer(), events.map(orderCommandOf));
  }
}

/**
 * What an order event asks of inventory. Only order.created's lines matter: a confirmation
 * or a cancellation settles what the order's reservation holds, whatever the event lists.
 */
export function orderCommandOf(event: OrderEvent): OrderCommand {
  const { eventId } = event;
  const { orderId } = event.payload;
  switch (event.type) {
    case 'order.created':
      return {
        kind: 'reserve',
        eventId,
        orderId,
        lines: event.payload.items.map(({ productId, quantity }) => ({ productId, quantity })),
      };
    case 'order.confirmed':
      return { kind: 'confirm', eventId, orderId };
    case 'order.cancelled':
      return { kind: 'release', eventId, orderId };
  }
}
