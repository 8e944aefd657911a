import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const PAYMENT_SERVICE = 'payment-service';

const paymentServiceEnv = serviceEnvSchema({ port: 3003 });

export type PaymentServiceConfig = z.infer<typeof paymentServiceEnv>;

export function loadPaymentServiceConfig(env: NodeJS.ProcessEnv): PaymentServiceConfig {
  return parseConfig(paymentServiceEnv, env);
}
