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
import { type PaymentDecision, PaymentRepository } from '../ports/payment-repository';
import { paymentProcessedEvent, paymentRefundedEvent } from '../payment-events';

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

/** A consumed event's decision on its order's payment, and whether it may lead to a charge. */
export interface PaymentStep {
  readonly decision: PaymentDecision;
  /** False for a cancellation, which never charges. */
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

  async settle(settle: Settle): Promise<void> {
    await this.settleAll([settle]);
  }

  /**
   * Consumed events' decisions, committed first in one transaction with their inbox claims
   * (`consumer`), then the settlement of their orders. An event handled before decides
   * nothing but still settles, from the stored state, what a crash may have interrupted.
   */
  async decideThenSettle(consumer: string, steps: readonly PaymentStep[]): Promise<void> {
    const outcomes = await this.payments.changeAll(
      consumer,
      steps.map((step) => step.decision),
    );
    await this.settleAll(
      steps.map(({ decision, charge }, index) => ({
        orderId: decision.orderId,
        causationId: decision.eventId,
        charge,
        payment: outcomes[index]?.payment,
      })),
    );
  }

  /**
   * Settles many orders with one transaction per step for all of them (send, record the
   * charges, record the refunds) and the gateway calls in between made concurrently. An
   * order named twice is settled twice, the second time after the first.
   */
  async settleAll(settles: readonly Settle[]): Promise<void> {
    for (const round of roundsByOrder(settles)) {
      const settling = await Promise.all(
        round.map(async (settle) => ({
          ...settle,
          payment:
            settle.payment === undefined
              ? await this.payments.findByOrderId(settle.orderId)
              : settle.payment,
        })),
      );
      const charged = await this.completeCharges(settling.filter((settle) => settle.charge));
      await this.completeRefunds(
        settling.map((settle) => ({
          ...settle,
          payment: charged.get(settle.orderId) ?? settle.payment,
        })),
      );
    }
  }

  /** Returns the payments the charges changed, by order id. */
  private async completeCharges(settles: readonly Settle[]): Promise<Map<string, Payment | null>> {
    const changed = new Map<string, Payment | null>();
    // Sent only if, under the payment's lock, it is still due: an order.cancelled handled
    // since the decision has closed the payment, and nothing is charged. CHARGING was stored
    // before an earlier call (a crash or a lost answer since) and is always completed;
    // anything else has nothing to charge.
    const due = settles.filter((settle) => settle.payment?.status === 'CHARGE_DUE');
    const sending = await this.payments.changeAll(
      null,
      due.map(({ orderId }) => ({ orderId, eventId: '', decide: sendChargeChange })),
    );
    const toCharge: { settle: Settle; payment: Payment }[] = [];
    due.forEach((settle, index) => {
      const sent = sending[index];
      if (sent?.changed && sent.payment) toCharge.push({ settle, payment: sent.payment });
      else changed.set(settle.orderId, sent?.payment ?? settle.payment ?? null);
    });
    for (const settle of settles) {
      if (settle.payment?.status === 'CHARGING') toCharge.push({ settle, payment: settle.payment });
    }
    const answers = await allAnswered(
      toCharge.map(({ settle, payment }) => {
        const { amount, method } = termsOf(payment);
        return this.gateway.charge({ orderId: settle.orderId, amount, method });
      }),
    );
    const processedAt = new Date();
    const recorded = await this.payments.changeAll(
      null,
      answers.map((outcome, index) => {
        const { settle } = toCharge[index] ?? fail('no charge for an answer');
        return {
          orderId: settle.orderId,
          eventId: '',
          decide: (current: Payment | null) => {
            const charged = recordCharge(current, outcome, processedAt);
            return (
              charged && {
                payment: charged,
                events: [paymentProcessedEvent(charged, settle.causationId, processedAt)],
              }
            );
          },
        };
      }),
    );
    recorded.forEach((outcome, index) => {
      const orderId = toCharge[index]?.settle.orderId;
      if (orderId === undefined) return;
      if (outcome.changed) this.logger.debug({ orderId }, 'charge recorded');
      changed.set(orderId, outcome.payment ?? null);
    });
    return changed;
  }

  private async completeRefunds(settles: readonly Settle[]): Promise<void> {
    const toRefund = settles.flatMap(({ orderId, causationId, payment }) =>
      payment && needsRefund(payment) ? [{ orderId, causationId, payment }] : [],
    );
    const answers = await allAnswered(
      toRefund.map(({ payment }) =>
        this.gateway.refund({
          providerReference: providerReferenceOf(payment),
          amount: termsOf(payment).amount,
        }),
      ),
    );
    const refundedAt = new Date();
    const recorded = await this.payments.changeAll(
      null,
      answers.map(({ refundReference }, index) => {
        const { orderId, causationId } = toRefund[index] ?? fail('no refund for an answer');
        return {
          orderId,
          eventId: '',
          decide: (current: Payment | null) => {
            const refunded = recordRefund(current, refundReference, refundedAt);
            return (
              refunded && {
                payment: refunded,
                events: [paymentRefundedEvent(refunded, causationId, refundedAt)],
              }
            );
          },
        };
      }),
    );
    recorded.forEach((outcome, index) => {
      if (outcome.changed)
        this.logger.debug({ orderId: toRefund[index]?.orderId }, 'refund recorded');
    });
  }
}

/** CHARGE_DUE → CHARGING; no change when the charge is no longer due. */
function sendChargeChange(current: Payment | null) {
  const sending = sendCharge(current);
  return sending && { payment: sending, events: [] };
}

/**
 * The settles in rounds, each naming an order at most once: the first settle of every order,
 * then the second, and so on — so an order's settles run one after another, as its events came.
 */
function roundsByOrder(settles: readonly Settle[]): Settle[][] {
  const rounds: Settle[][] = [];
  const seen = new Map<string, number>();
  for (const settle of settles) {
    const round = seen.get(settle.orderId) ?? 0;
    seen.set(settle.orderId, round + 1);
    (rounds[round] ??= []).push(settle);
  }
  return rounds;
}

/**
 * Waits for every call, then throws the first failure (the event is retried; the answers
 * that came are not recorded, and asking again is safe: the gateway is idempotent per
 * order and per charge).
 */
async function allAnswered<T>(calls: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(calls);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

function fail(message: string): never {
  throw new Error(message);
}
