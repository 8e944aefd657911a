import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  toDecimal,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { PAYMENT_SERVICE } from '../../config/payment-service.config';
import { CancelPaymentHandler } from '../application/cancel-payment/cancel-payment.handler';
import { OpenPaymentHandler } from '../application/open-payment/open-payment.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${PAYMENT_SERVICE}.${TOPICS.orders.name}`;

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
  async onOrderEvent(@Payload() event: OrderEvent): Promise<void> {
    switch (event.type) {
      case 'order.created':
        await this.openPayment.execute({
          consumer: CONSUMER,
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
          consumer: CONSUMER,
          eventId: event.eventId,
          orderId: event.payload.orderId,
        });
        return;
    }
  }
}
