import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  toDecimal,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { CancelPaymentHandler } from '../application/cancel-payment/cancel-payment.handler';
import { OpenPaymentHandler } from '../application/open-payment/open-payment.handler';

type OrderEvent = EventOf<
  typeof orderCreatedV1 | typeof orderConfirmedV1 | typeof orderCancelledV1
>;

/** orders topic → payment intents and refunds, one event at a time (gateway calls between). */
@Controller()
export class OrderEventsConsumer {
  constructor(
    private readonly openPayment: OpenPaymentHandler,
    private readonly cancelPayment: CancelPaymentHandler,
  ) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
  })
  async onOrderEvent(
    @Payload() event: OrderEvent,
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    switch (event.type) {
      case 'order.created':
        await this.openPayment.execute({
          consumer: delivery.getConsumer(),
          eventId: event.eventId,
          orderId: event.payload.orderId,
          userId: event.payload.userId,
          amount: toDecimal(event.payload.totalAmount),
          method: event.payload.paymentMethod,
        });
        return;
      case 'order.confirmed':
        // Confirmation follows a SUCCEEDED charge: nothing is left to do.
        return;
      case 'order.cancelled':
        await this.cancelPayment.execute({
          consumer: delivery.getConsumer(),
          eventId: event.eventId,
          orderId: event.payload.orderId,
        });
        return;
    }
  }
}
