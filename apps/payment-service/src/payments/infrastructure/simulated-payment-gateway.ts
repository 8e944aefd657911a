import { type Decimal } from '@kafka-commerce/money';
import { type ChargeOutcome } from '../domain/payment';
import {
  type ChargeRequest,
  PaymentGateway,
  type RefundRequest,
  type RefundResult,
} from '../application/ports/payment-gateway';

export interface SimulatedPaymentGatewayOptions {
  /**
   * Any amount above it fails with `amount_limit_exceeded`. Asked at each charge: the limit
   * is a runtime setting, and a change applies from the next charge on.
   */
  readonly limit: () => Decimal;
  /** How many idempotency keys are remembered (oldest forgotten first). */
  readonly rememberedKeys?: number;
}

/**
 * The simulated provider (PAYMENT_GATEWAY=test), deterministic like a real one's test
 * mode: `card` succeeds, `card_declined` is declined, anything else is unsupported, and any
 * amount above the limit is refused (checked first). Nothing leaves the process.
 *
 * Idempotency, as a provider honours it: the order id is the key, and a repeated key gets
 * the first answer back. Answers and references are a pure function of the request (and
 * the limit), so the same request gets the same answer even after a restart; the memo adds
 * the provider's rule that a key's first answer wins even if the request — or the limit,
 * changed at runtime — differs.
 */
export class SimulatedPaymentGateway extends PaymentGateway {
  private readonly answers = new Map<string, ChargeOutcome>();
  private readonly rememberedKeys: number;

  constructor(private readonly options: SimulatedPaymentGatewayOptions) {
    super();
    this.rememberedKeys = options.rememberedKeys ?? 10_000;
  }

  charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const known = this.answers.get(request.orderId);
    if (known) return Promise.resolve(known);
    const outcome = this.decide(request);
    this.remember(request.orderId, outcome);
    return Promise.resolve(outcome);
  }

  refund({ providerReference }: RefundRequest): Promise<RefundResult> {
    // One full refund per charge, so the charge's reference identifies the refund.
    return Promise.resolve({ refundReference: `test_re_${providerReference}` });
  }

  private decide({ orderId, amount, method }: ChargeRequest): ChargeOutcome {
    const providerReference = `test_ch_${orderId}`;
    if (amount.greaterThan(this.options.limit())) {
      return { status: 'FAILED', reason: 'amount_limit_exceeded', providerReference };
    }
    switch (method) {
      case 'card':
        return { status: 'SUCCEEDED', providerReference };
      case 'card_declined':
        return { status: 'FAILED', reason: 'card_declined', providerReference };
      default:
        return { status: 'FAILED', reason: 'unsupported_payment_method', providerReference };
    }
  }

  private remember(key: string, outcome: ChargeOutcome): void {
    this.answers.set(key, outcome);
    if (this.answers.size <= this.rememberedKeys) return;
    const oldest = this.answers.keys().next();
    if (oldest.done !== true) this.answers.delete(oldest.value);
  }
}
