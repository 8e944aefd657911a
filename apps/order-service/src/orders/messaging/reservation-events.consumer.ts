import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventOf,
  inventoryRejectedV1,
  inventoryReleasedV1,
  inventoryReservedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ORDER_SERVICE } from '../../config/order-service.config';
import { SettleOrderHandler } from '../application/settle-order/settle-order.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${ORDER_SERVICE}.${TOPICS.reservations.name}`;

const RESERVATION_EVENTS = [inventoryReservedV1, inventoryRejectedV1, inventoryReleasedV1] as const;
type ReservationEvent = EventOf<(typeof RESERVATION_EVENTS)[number]>;

/** reservations topic → a rejected reservation cancels the order. */
@Controller()
export class ReservationEventsConsumer {
  constructor(private readonly settleOrder: SettleOrderHandler) {}

  @EventHandler(TOPICS.reservations.name, { accepts: RESERVATION_EVENTS })
  async onReservationEvent(@Payload() event: ReservationEvent): Promise<void> {
    switch (event.type) {
      case 'inventory.rejected':
        await this.settleOrder.execute({
          consumer: CONSUMER,
          eventId: event.eventId,
          orderId: event.payload.orderId,
          outcome: { kind: 'cancel', reason: event.payload.reason },
        });
        return;
      // Reserved: the order waits for its payment. Released: compensation for an order
      // already cancelled. Neither changes the order.
      case 'inventory.reserved':
      case 'inventory.released':
        return;
    }
  }
}
