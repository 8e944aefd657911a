import { toMoney } from '@kafka-commerce/money';
import {
  createEvent,
  paymentProcessedV1,
  paymentRefundedV1,
  type OutgoingEvent,
} from '@kafka-commerce/events';
import { PAYMENT_SERVICE } from '../../config/payment-service.config';
import { type ChargedPayment, type Payment, termsOf } from '../domain/payment';

// Every payment event belongs to its order's saga (correlation) and names the consumed
// event whose handling produced it (causation).
function originOf(payment: Payment, causationId: string) {
  return { producer: PAYMENT_SERVICE, correlationId: payment.orderId, causationId };
}

/** payment.processed for a charge just recorded as SUCCEEDED or FAILED. */
export function paymentProcessedEvent(
  payment: ChargedPayment,
  causationId: string,
  processedAt: Date,
): OutgoingEvent {
  const terms = termsOf(payment);
  return createEvent(
    paymentProcessedV1,
    {
      paymentId: payment.id,
      orderId: payment.orderId,
      amount: toMoney(terms.amount),
      paymentMethod: terms.method,
      status: payment.status,
      ...(payment.reason === null ? {} : { reason: payment.reason }),
      processedAt: processedAt.toISOString(),
    },
    originOf(payment, causationId),
  );
}

/** payment.refunded for a charge just recorded as REFUNDED. */
export function paymentRefundedEvent(
  payment: Payment,
  causationId: string,
  refundedAt: Date,
): OutgoingEvent {
  return createEvent(
    paymentRefundedV1,
    {
      paymentId: payment.id,
      orderId: payment.orderId,
      amount: toMoney(termsOf(payment).amount),
      refundedAt: refundedAt.toISOString(),
    },
    originOf(payment, causationId),
  );
}
