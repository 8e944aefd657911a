import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, inventoryRejectedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ORDER_SERVICE } from '../../config/order-service.config';
import { SettleOrderHandler } from '../application/settle-order/settle-order.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${ORDER_SERVICE}.${TOPICS.reservations.name}`;

/**
 * reservations topic → a rejected reservation cancels the order. Reserved (the order waits
 * for its payment) and released (compensation for an order already cancelled) change
 * nothing here: the transport acknowledges them without calling a handler.
 */
@Controller()
export class ReservationEventsConsumer {
  constructor(private readonly settleOrder: SettleOrderHandler) {}

  @EventHandler(TOPICS.reservations.name, { accepts: [inventoryRejectedV1] })
  async onRejected(@Payload() event: EventOf<typeof inventoryRejectedV1>): Promise<void> {
    await this.settleOrder.execute({
      consumer: CONSUMER,
      eventId: event.eventId,
      orderId: event.payload.orderId,
      outcome: { kind: 'cancel', reason: event.payload.reason },
    });
  }
}
