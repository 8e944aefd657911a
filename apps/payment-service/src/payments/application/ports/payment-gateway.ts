import { type Decimal } from '@kafka-commerce/money';
import { type ChargeOutcome } from '../../domain/payment';

export interface ChargeRequest {
  /**
   * Also the idempotency key: an adapter must send it as the provider's idempotency key
   * (and a provider must answer a repeated key with its first result), so a charge
   * repeated after a crash between the call and recording its result never charges twice.
   */
  readonly orderId: string;
  readonly amount: Decimal;
  readonly method: string;
}

export interface RefundRequest {
  /** The captured charge; also the refund's idempotency key (a charge is refunded in full, once). */
  readonly providerReference: string;
  readonly amount: Decimal;
}

export interface RefundResult {
  readonly refundReference: string;
}

/**
 * Port: a payment provider. A declined charge is an answer (FAILED with a reason), not an
 * error; throw only when the provider could not be asked (the event is then retried, and
 * the idempotency key makes the retry safe). Never called inside a database transaction.
 */
export abstract class PaymentGateway {
  abstract charge(request: ChargeRequest): Promise<ChargeOutcome>;
  abstract refund(request: RefundRequest): Promise<RefundResult>;
}
