import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventsOnTopic,
  paymentProcessedV1,
  paymentRefundedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { RecordPaymentsHandler } from '../application/record-payments/record-payments.handler';
import { type ProcessedPayment } from '../domain/payment-projection';

/** Also the inbox's consumer name: it must never change, or events would be counted again. */
const CONSUMER = `${ANALYTICS_SERVICE}.${TOPICS.payments.name}`;

/** payments topic → payment success rate. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly recordPayments: RecordPaymentsHandler) {}

  // Refunds are accepted too (anything not accepted would be dead-lettered), and ignored.
  @EventHandler(TOPICS.payments.name, {
    accepts: [paymentProcessedV1, paymentRefundedV1],
    batch: true,
  })
  async onPaymentEvents(@Payload() events: EventsOnTopic<'payments'>[]): Promise<void> {
    await this.recordPayments.execute({
      consumer: CONSUMER,
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
