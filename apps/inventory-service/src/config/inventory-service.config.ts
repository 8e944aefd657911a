import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const INVENTORY_SERVICE = 'inventory-service';

const inventoryServiceEnv = serviceEnvSchema({ port: 3004 });

export type InventoryServiceConfig = z.infer<typeof inventoryServiceEnv>;

export function loadInventoryServiceConfig(env: NodeJS.ProcessEnv): InventoryServiceConfig {
  return parseConfig(inventoryServiceEnv, env);
}
