import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { z } from 'zod';

export const ANALYTICS_SERVICE = 'analytics-service';

const analyticsServiceEnv = serviceEnvSchema({ port: 3006 }).extend({
  /** A closed window whose average temperature is above this raises sensor.alert-raised. */
  SENSOR_ALERT_THRESHOLD: z.coerce.number().default(80),
  /** A sensor's window closes when it holds this many readings… */
  SENSOR_WINDOW_MAX_READINGS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** …or this long after its first reading arrived, whichever comes first. */
  SENSOR_WINDOW_MAX_AGE_MS: z.coerce.number().int().min(1).default(5000),
  /** How often each instance looks for windows that reached their age limit. */
  SENSOR_WINDOW_SWEEP_MS: z.coerce.number().int().min(10).default(500),
});

export type AnalyticsServiceConfig = z.infer<typeof analyticsServiceEnv>;

export function loadAnalyticsServiceConfig(env: NodeJS.ProcessEnv): AnalyticsServiceConfig {
  return parseConfig(analyticsServiceEnv, env);
}
