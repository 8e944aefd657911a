import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const ORDER_SERVICE = 'order-service';

const orderServiceEnv = serviceEnvSchema({ port: 3002 });

export type OrderServiceConfig = z.infer<typeof orderServiceEnv>;

export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  return parseConfig(orderServiceEnv, env);
}
