import { moneySchema } from '@kafka-commerce/money';
import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { z } from 'zod';

export const PAYMENT_SERVICE = 'payment-service';

/** Payment provider adapters this build knows; see payments/infrastructure/payment-gateways.ts. */
export const PAYMENT_GATEWAYS = ['test'] as const;
export type PaymentGatewayKind = (typeof PAYMENT_GATEWAYS)[number];

const paymentServiceEnv = serviceEnvSchema({ port: 3003 }).extend({
  /**
   * Which provider charges orders. `test` is the simulated provider (production code, not a
   * test double): deterministic, like a real provider's test mode.
   */
  PAYMENT_GATEWAY: z.enum(PAYMENT_GATEWAYS).default('test'),
  /**
   * The simulated gateway refuses any amount above this with `amount_limit_exceeded` — until an
   * admin changes `paymentLimit` with `PATCH /settings` (then the stored value is in effect).
   */
  PAYMENT_LIMIT: moneySchema.default('10000.00'),
});

export type PaymentServiceConfig = z.infer<typeof paymentServiceEnv>;

export function loadPaymentServiceConfig(env: NodeJS.ProcessEnv): PaymentServiceConfig {
  return parseConfig(paymentServiceEnv, env);
}
