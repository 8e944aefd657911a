import { type ChargeOutcome } from '../payments/domain/payment';
import {
  type ChargeRequest,
  PaymentGateway,
  type RefundRequest,
  type RefundResult,
} from '../payments/application/ports/payment-gateway';

/**
 * A provider for unit tests that keeps books: which charges and refunds it really made
 * (one per idempotency key), and how often it was asked. `card` succeeds, anything else is
 * declined. It can lose its next answer (the provider acted, the caller never heard back:
 * a crash or a dropped connection) or be unreachable (nothing happens at the provider).
 */
export class FakePaymentGateway extends PaymentGateway {
  /** Charges made at the provider, by idempotency key (order id). */
  readonly charges = new Map<string, ChargeOutcome>();
  /** Refunds made at the provider, by charge reference. */
  readonly refunds = new Map<string, RefundResult>();
  chargeCalls = 0;
  refundCalls = 0;
  private answersToLose = 0;
  private unreachableCalls = 0;

  loseNextAnswer(): void {
    this.answersToLose += 1;
  }

  failNextCall(): void {
    this.unreachableCalls += 1;
  }

  charge({ orderId, method }: ChargeRequest): Promise<ChargeOutcome> {
    this.chargeCalls += 1;
    return this.answer(() => {
      const known = this.charges.get(orderId);
      if (known) return known;
      const providerReference = `ch_${orderId}`;
      const outcome: ChargeOutcome =
        method === 'card'
          ? { status: 'SUCCEEDED', providerReference }
          : { status: 'FAILED', reason: 'card_declined', providerReference };
      this.charges.set(orderId, outcome);
      return outcome;
    });
  }

  refund({ providerReference }: RefundRequest): Promise<RefundResult> {
    this.refundCalls += 1;
    return this.answer(() => {
      const known = this.refunds.get(providerReference);
      if (known) return known;
      const result = { refundReference: `re_${providerReference}` };
      this.refunds.set(providerReference, result);
      return result;
    });
  }

  private answer<T>(act: () => T): Promise<T> {
    if (this.unreachableCalls > 0) {
      this.unreachableCalls -= 1;
      return Promise.reject(new Error('provider unreachable'));
    }
    const result = act();
    if (this.answersToLose > 0) {
      this.answersToLose -= 1;
      return Promise.reject(new Error('connection lost after the provider answered'));
    }
    return Promise.resolve(result);
  }
}
