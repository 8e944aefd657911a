import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventOf,
  inventoryRejectedV1,
  inventoryReleasedV1,
  inventoryReservedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { ChargePaymentHandler } from '../application/charge-payment/charge-payment.handler';

type ReservationEvent = EventOf<
  typeof inventoryReservedV1 | typeof inventoryRejectedV1 | typeof inventoryReleasedV1
>;

/** reservations topic → charges, one event at a time (a gateway call between transactions). */
@Controller()
export class ReservationEventsConsumer {
  constructor(private readonly chargePayment: ChargePaymentHandler) {}

  @EventHandler(TOPICS.reservations.name, {
    accepts: [inventoryReservedV1, inventoryRejectedV1, inventoryReleasedV1],
  })
  async onReservationEvent(
    @Payload() event: ReservationEvent,
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    switch (event.type) {
      case 'inventory.reserved':
        await this.chargePayment.execute({
          consumer: delivery.getConsumer(),
          eventId: event.eventId,
          orderId: event.payload.orderId,
        });
        return;
      case 'inventory.rejected':
        // order-service cancels the order; its order.cancelled closes the intent.
        return;
      case 'inventory.released':
        // Follows order.cancelled, which already refunded or closed the payment.
        return;
    }
  }
}
