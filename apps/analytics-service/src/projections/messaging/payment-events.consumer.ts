import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventsOnTopic,
  paymentProcessedV1,
  paymentRefundedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { RecordPaymentsHandler } from '../application/record-payments/record-payments.handler';
import { type ProcessedPayment } from '../domain/payment-projection';

/** payments topic → payment success rate. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly recordPayments: RecordPaymentsHandler) {}

  // Refunds are accepted too (anything not accepted would be dead-lettered), and ignored.
  @EventHandler(TOPICS.payments.name, {
    accepts: [paymentProcessedV1, paymentRefundedV1],
    batch: true,
  })
  async onPaymentEvents(
    @Payload() events: EventsOnTopic<'payments'>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.recordPayments.execute({
      consumer: delivery.getConsumer(),
      payments: events.map((event) => ({ eventId: event.eventId, fact: toPayment(event) })),
    });
  }
}

function toPayment(event: EventsOnTopic<'payments'>): ProcessedPayment | null {
  switch (event.type) {
    case 'payment.processed':
      return {
        paymentId: event.payload.paymentId,
        orderId: event.payload.orderId,
        status: event.payload.status,
        amount: event.payload.amount,
        processedAt: new Date(event.payload.processedAt),
      };
    case 'payment.refunded':
      // The charge did succeed; the success rate is about charge attempts, not refunds.
      return null;
  }
}
