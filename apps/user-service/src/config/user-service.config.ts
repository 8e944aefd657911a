import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const USER_SERVICE = 'user-service';

const userServiceEnv = serviceEnvSchema({ port: 3001 });

export type UserServiceConfig = z.infer<typeof userServiceEnv>;

export function loadUserServiceConfig(env: NodeJS.ProcessEnv): UserServiceConfig {
  return parseConfig(userServiceEnv, env);
}
