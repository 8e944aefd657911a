import { parseConfig, pemKeyVariable, serviceEnvSchema } from '@kafka-commerce/config';
import { z } from 'zod';

export const USER_SERVICE = 'user-service';

const userServiceEnv = serviceEnvSchema({ port: 3001 }).extend({
  /** Signs access tokens: only user-service has it. */
  JWT_PRIVATE_KEY: pemKeyVariable,
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** The administrator account ensured at start-up (development defaults; set both in production). */
  ADMIN_EMAIL: z.email().default('admin@kafka-commerce.local'),
  ADMIN_PASSWORD: z.string().min(8).default('admin-password'),
});

export type UserServiceConfig = z.infer<typeof userServiceEnv>;

export function loadUserServiceConfig(env: NodeJS.ProcessEnv): UserServiceConfig {
  return parseConfig(userServiceEnv, env);
}
