import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, inventoryRejectedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { SettleOrderHandler } from '../application/settle-order/settle-order.handler';

/**
 * reservations topic → a rejected reservation cancels the order. Reserved (the order waits
 * for its payment) and released (compensation for an order already cancelled) change
 * nothing here: the transport acknowledges them without calling a handler.
 */
@Controller()
export class ReservationEventsConsumer {
  constructor(private readonly settleOrder: SettleOrderHandler) {}

  @EventHandler(TOPICS.reservations.name, { accepts: [inventoryRejectedV1] })
  async onRejected(
    @Payload() event: EventOf<typeof inventoryRejectedV1>,
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.settleOrder.execute({
      consumer: delivery.getConsumer(),
      eventId: event.eventId,
      orderId: event.payload.orderId,
      outcome: { kind: 'cancel', reason: event.payload.reason },
    });
  }
}
