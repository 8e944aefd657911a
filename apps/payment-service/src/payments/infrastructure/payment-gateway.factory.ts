import { toDecimal } from '@kafka-commerce/events';
import {
  type PaymentGatewayKind,
  type PaymentServiceConfig,
} from '../../config/payment-service.config';
import { type PaymentGateway } from '../application/ports/payment-gateway';
import { TestPaymentGateway } from './test-payment.gateway';

type GatewayConfig = Pick<PaymentServiceConfig, 'PAYMENT_GATEWAY' | 'PAYMENT_LIMIT'>;

/**
 * Where a provider is plugged in (chosen by PAYMENT_GATEWAY). To add a real one: add its
 * name to PAYMENT_GATEWAYS in the config (with the variables it needs), write an adapter
 * extending PaymentGateway that sends `orderId` as the charge's idempotency key and the
 * charge's reference as the refund's, and build it here — the compiler asks for an entry
 * for every name.
 */
const GATEWAYS: Record<PaymentGatewayKind, (config: GatewayConfig) => PaymentGateway> = {
  test: (config) => new TestPaymentGateway({ limit: toDecimal(config.PAYMENT_LIMIT) }),
};

export function createPaymentGateway(config: GatewayConfig): PaymentGateway {
  return GATEWAYS[config.PAYMENT_GATEWAY](config);
}
