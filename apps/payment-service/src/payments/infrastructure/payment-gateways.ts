import { type Decimal } from '@kafka-commerce/money';
import { type PaymentGatewayKind } from '../../config/payment-service.config';
import { type PaymentGateway } from '../application/ports/payment-gateway';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';

/** What an adapter reads at each charge, so that a runtime change needs no restart. */
export interface GatewaySettings {
  /** The simulated gateway's limit (PATCH /settings `paymentLimit`; PAYMENT_LIMIT until then). */
  readonly paymentLimit: () => Decimal;
}

/**
 * Where a provider is plugged in (chosen by PAYMENT_GATEWAY). To add a real one: add its
 * name to PAYMENT_GATEWAYS in the config (with the variables it needs), write an adapter
 * extending PaymentGateway that sends `orderId` as the charge's idempotency key and the
 * charge's reference as the refund's, and build it here — the compiler asks for an entry
 * for every name.
 */
const GATEWAYS: Record<PaymentGatewayKind, (settings: GatewaySettings) => PaymentGateway> = {
  test: (settings) => new SimulatedPaymentGateway({ limit: settings.paymentLimit }),
};

export function createPaymentGateway(
  kind: PaymentGatewayKind,
  settings: GatewaySettings,
): PaymentGateway {
  return GATEWAYS[kind](settings);
}
