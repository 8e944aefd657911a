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
import { PaymentSettlement } from '../application/settle-payment/payment-settlement';

type ReservationEvent = EventOf<
  typeof inventoryReservedV1 | typeof inventoryRejectedV1 | typeof inventoryReleasedV1
>;

/**
 * reservations topic → charges: a fetched batch's decisions in one transaction, then the
 * gateway calls (concurrently) and their recording, a transaction per step for the batch.
 * inventory.rejected needs nothing here: order-service cancels the order, and its
 * order.cancelled closes the intent. inventory.released follows order.cancelled, which
 * already refunded or closed the payment.
 */
@Controller()
export class ReservationEventsConsumer {
  constructor(
    private readonly chargePayment: ChargePaymentHandler,
    private readonly settlement: PaymentSettlement,
  ) {}

  @EventHandler(TOPICS.reservations.name, {
    accepts: [inventoryReservedV1, inventoryRejectedV1, inventoryReleasedV1],
    batch: true,
  })
  async onReservationEvents(
    @Payload() events: ReservationEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    const consumer = delivery.getConsumer();
    const steps = events.flatMap((event) =>
      event.type === 'inventory.reserved'
        ? [
            this.chargePayment.stepFor({
              consumer,
              eventId: event.eventId,
              orderId: event.payload.orderId,
            }),
          ]
        : [],
    );
    if (steps.length > 0) await this.settlement.decideThenSettle(consumer, steps);
  }
}
