import { toDecimal } from '@kafka-commerce/money';
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
import { CancelPaymentHandler } from '../application/cancel-payment/cancel-payment.handler';
import { OpenPaymentHandler } from '../application/open-payment/open-payment.handler';
import {
  PaymentSettlement,
  type PaymentStep,
} from '../application/settle-payment/payment-settlement';

type OrderEvent = EventOf<
  typeof orderCreatedV1 | typeof orderConfirmedV1 | typeof orderCancelledV1
>;

/**
 * orders topic → payment intents and refunds: a fetched batch's decisions in one
 * transaction, then the gateway calls and their recording, a transaction per step for the
 * whole batch.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(
    private readonly openPayment: OpenPaymentHandler,
    private readonly cancelPayment: CancelPaymentHandler,
    private readonly settlement: PaymentSettlement,
  ) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
    batch: true,
  })
  async onOrderEvents(
    @Payload() events: OrderEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    const consumer = delivery.getConsumer();
    const steps = events.flatMap((event) => this.stepFor(consumer, event));
    if (steps.length > 0) await this.settlement.decideThenSettle(consumer, steps);
  }

  private stepFor(consumer: string, event: OrderEvent): PaymentStep[] {
    const { eventId } = event;
    switch (event.type) {
      case 'order.created': {
        const { orderId, userId, totalAmount, paymentMethod } = event.payload;
        const amount = toDecimal(totalAmount);
        return [
          this.openPayment.stepFor({
            consumer,
            eventId,
            orderId,
            userId,
            amount,
            method: paymentMethod,
          }),
        ];
      }
      case 'order.confirmed':
        // Confirmation follows a SUCCEEDED charge: nothing is left to do.
        return [];
      case 'order.cancelled':
        return [this.cancelPayment.stepFor({ consumer, eventId, orderId: event.payload.orderId })];
    }
  }
}
