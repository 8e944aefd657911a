import { type Money, toDecimal } from '@kafka-commerce/money';
import { type SummaryDelta } from './summary-delta';
import { utcDayOf } from './utc-day';

export type PaymentOutcome = 'SUCCEEDED' | 'FAILED';

/** A processed charge attempt, as the success rate needs it. */
export interface ProcessedPayment {
  readonly paymentId: string;
  readonly orderId: string;
  readonly status: PaymentOutcome;
  readonly amount: Money;
  readonly processedAt: Date;
}

/**
 * Counts a payment seen for the first time under its outcome (a refund does not undo it), in
 * the totals and on the UTC day of its processedAt.
 */
export function countPayment(payment: ProcessedPayment, delta: SummaryDelta): void {
  const metric = payment.status === 'SUCCEEDED' ? 'payments.succeeded' : 'payments.failed';
  delta.count(metric, 1, toDecimal(payment.amount), utcDayOf(payment.processedAt));
}
