import { Injectable, Logger } from '@nestjs/common';
import {
  needsRefund,
  providerReferenceOf,
  recordCharge,
  recordRefund,
  sendCharge,
  termsOf,
} from '../../domain/payment';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentRepository } from '../ports/payment.repository';
import { paymentProcessedEvent, paymentRefundedEvent } from './payment-events';

export interface Settle {
  readonly orderId: string;
  /** The consumed event being handled: the causation of whatever is emitted. */
  readonly causationId: string;
  /** Whether this caller may complete a committed charge (a cancellation never charges). */
  readonly charge: boolean;
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

  async settle({ orderId, causationId, charge }: Settle): Promise<void> {
    if (charge) await this.completeCharge(orderId, causationId);
    await this.completeRefund(orderId, causationId);
  }

  private async completeCharge(orderId: string, causationId: string): Promise<void> {
    const payment = await this.payments.findByOrderId(orderId);
    if (payment === null) return;
    if (payment.status === 'CHARGE_DUE') {
      // Sent only if, under the payment's lock, it is still due: an order.cancelled handled
      // since the decision has closed the payment, and nothing is charged.
      if (!(await this.send(orderId))) return;
    } else if (payment.status !== 'CHARGING') {
      // CHARGING was stored before an earlier call (a crash or a lost answer since) and is
      // always completed; anything else has nothing to charge.
      return;
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
    if (recorded) this.logger.debug({ orderId, status: outcome.status }, 'charge recorded');
  }

  /** CHARGE_DUE → CHARGING, committed; false when the charge is no longer due. */
  private send(orderId: string): Promise<boolean> {
    return this.payments.change(orderId, null, (current) => {
      const sending = sendCharge(current);
      return sending && { payment: sending, events: [] };
    });
  }

  private async completeRefund(orderId: string, causationId: string): Promise<void> {
    const payment = await this.payments.findByOrderId(orderId);
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
    if (recorded) this.logger.debug({ orderId }, 'refund recorded');
  }
}
