import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventOf,
  paymentProcessedV1,
  paymentRefundedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ORDER_SERVICE } from '../../config/order-service.config';
import {
  type SagaOutcome,
  SettleOrderHandler,
} from '../application/settle-order/settle-order.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${ORDER_SERVICE}.${TOPICS.payments.name}`;

/** When payment-service gives no reason for a failure. */
const PAYMENT_FAILED = 'payment_failed';

const PAYMENT_EVENTS = [paymentProcessedV1, paymentRefundedV1] as const;
type PaymentEvent = EventOf<(typeof PAYMENT_EVENTS)[number]>;

/** payments topic → a charge confirms the order, a failed one cancels it. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly settleOrder: SettleOrderHandler) {}

  @EventHandler(TOPICS.payments.name, { accepts: PAYMENT_EVENTS })
  async onPaymentEvent(@Payload() event: PaymentEvent): Promise<void> {
    switch (event.type) {
      case 'payment.processed':
        await this.settleOrder.execute({
          consumer: CONSUMER,
          eventId: event.eventId,
          orderId: event.payload.orderId,
          outcome: outcomeOf(event.payload),
        });
        return;
      // A refund is compensation for an order that is already cancelled.
      case 'payment.refunded':
        return;
    }
  }
}

function outcomeOf(payment: EventOf<typeof paymentProcessedV1>['payload']): SagaOutcome {
  switch (payment.status) {
    case 'SUCCEEDED':
      return { kind: 'confirm' };
    case 'FAILED':
      return { kind: 'cancel', reason: payment.reason ?? PAYMENT_FAILED };
  }
}
