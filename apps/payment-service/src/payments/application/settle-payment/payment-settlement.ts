import { Injectable, Logger } from '@nestjs/common';
import {
  needsRefund,
  type Payment,
  providerReferenceOf,
  recordCharge,
  recordRefund,
  sendCharge,
  termsOf,
} from '../../domain/payment';
import { PaymentGateway } from '../ports/payment-gateway';
import { type ChangeOutcome, PaymentRepository } from '../ports/payment.repository';
import { paymentProcessedEvent, paymentRefundedEvent } from './payment-events';

export interface Settle {
  readonly orderId: string;
  /** The consumed event being handled: the causation of whatever is emitted. */
  readonly causationId: string;
  /** Whether this caller may complete a committed charge (a cancellation never charges). */
  readonly charge: boolean;
  /**
   * The payment as the caller's transaction left it, when known: saves reading it again.
   * Every decision that matters is taken again under the payment's lock, so a state another
   * consumer changed since is never acted on.
   */
  readonly payment?: Payment | null;
}

/**
 * Finishes what an order's payment has been committed to: a charge decided (CHARGE_DUE) or
 * already sent (CHARGING), then the refund of a captured charge whose order was cancelled.
 * Each gateway call runs outside any transaction, between a committed claim (CHARGING, or
 * the refund request) and a second transaction that records the answer only if nobody
 * recorded one first. It is driven by the stored state, not by the inbox, so a redelivered
 * event resumes work a crash interrupted; repeating it is safe because the gateway is
 * idempotent per order (charge) and per charge (refund).
 */
@Injectable()
export class PaymentSettlement {
  private readonly logger = new Logger(PaymentSettlement.name);

  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  async settle({ orderId, causationId, charge, payment }: Settle): Promise<void> {
    let current = payment === undefined ? await this.payments.findByOrderId(orderId) : payment;
    if (charge) current = await this.completeCharge(orderId, causationId, current);
    await this.completeRefund(orderId, causationId, current);
  }

  /** Returns the payment as the charge left it (unchanged when there was nothing to charge). */
  private async completeCharge(
    orderId: string,
    causationId: string,
    payment: Payment | null,
  ): Promise<Payment | null> {
    if (payment === null) return null;
    if (payment.status === 'CHARGE_DUE') {
      // Sent only if, under the payment's lock, it is still due: an order.cancelled handled
      // since the decision has closed the payment, and nothing is charged.
      const sending = await this.send(orderId);
      if (!sending.changed) return sending.payment ?? payment;
    } else if (payment.status !== 'CHARGING') {
      // CHARGING was stored before an earlier call (a crash or a lost answer since) and is
      // always completed; anything else has nothing to charge.
      return payment;
    }
    const { amount, method } = termsOf(payment);
    const outcome = await this.gateway.charge({ orderId, amount, method });
    const processedAt = new Date();
    const recorded = await this.payments.change(orderId, null, (current) => {
      const charged = recordCharge(current, outcome, processedAt);
      return (
        charged && {
          payment: charged,
          events: [paymentProcessedEvent(charged, causationId, processedAt)],
        }
      );
    });
    if (recorded.changed) this.logger.debug({ orderId, status: outcome.status }, 'charge recorded');
    return recorded.payment ?? null;
  }

  /** CHARGE_DUE → CHARGING, committed; unchanged when the charge is no longer due. */
  private send(orderId: string): Promise<ChangeOutcome> {
    return this.payments.change(orderId, null, (current) => {
      const sending = sendCharge(current);
      return sending && { payment: sending, events: [] };
    });
  }

  private async completeRefund(
    orderId: string,
    causationId: string,
    payment: Payment | null,
  ): Promise<void> {
    if (payment === null || !needsRefund(payment)) return;
    const { refundReference } = await this.gateway.refund({
      providerReference: providerReferenceOf(payment),
      amount: termsOf(payment).amount,
    });
    const refundedAt = new Date();
    const recorded = await this.payments.change(orderId, null, (current) => {
      const refunded = recordRefund(current, refundReference, refundedAt);
      return (
        refunded && {
          payment: refunded,
          events: [paymentRefundedEvent(refunded, causationId, refundedAt)],
        }
      );
    });
    if (recorded.changed) this.logger.debug({ orderId }, 'refund recorded');
  }
}
