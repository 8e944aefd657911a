import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, paymentProcessedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import {
  type SagaOutcome,
  SettleOrderHandler,
} from '../application/settle-order/settle-order.handler';

/** When payment-service gives no reason for a failure. */
const PAYMENT_FAILED = 'payment_failed';

/**
 * payments topic → a charge confirms the order, a failed one cancels it, a fetched batch per
 * transaction. A refund is compensation for an order already cancelled: acknowledged by the
 * transport, no handler.
 */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly settleOrder: SettleOrderHandler) {}

  @EventHandler(TOPICS.payments.name, { accepts: [paymentProcessedV1], batch: true })
  async onPaymentsProcessed(
    @Payload() events: EventOf<typeof paymentProcessedV1>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.settleOrder.executeAll(
      delivery.getConsumer(),
      events.map((event) => ({
        eventId: event.eventId,
        orderId: event.payload.orderId,
        outcome: outcomeOf(event.payload),
      })),
    );
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
