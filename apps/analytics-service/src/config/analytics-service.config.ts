import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const ANALYTICS_SERVICE = 'analytics-service';

const analyticsServiceEnv = serviceEnvSchema({ port: 3006 });

export type AnalyticsServiceConfig = z.infer<typeof analyticsServiceEnv>;

export function loadAnalyticsServiceConfig(env: NodeJS.ProcessEnv): AnalyticsServiceConfig {
  return parseConfig(analyticsServiceEnv, env);
}
