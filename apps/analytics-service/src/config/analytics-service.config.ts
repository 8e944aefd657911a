import { ConfigError, parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { z } from 'zod';
import { TEMPERATURE_LIMIT } from '../sensors';

// A file of its own, so that modules can name the service without loading the configuration
// (which imports them).
export { ANALYTICS_SERVICE } from './service-name';

const analyticsServiceEnv = serviceEnvSchema({ port: 3006 }).extend({
  /** Default until PATCH /settings: a closed window averaging above it raises an alert. */
  SENSOR_ALERT_THRESHOLD: z.coerce.number().default(80),
  /** Default until PATCH /settings: a sensor's window closes at this many readings… */
  SENSOR_WINDOW_MAX_READINGS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** …or this long after its first reading arrived (default until PATCH /settings). */
  SENSOR_WINDOW_MAX_AGE_MS: z.coerce.number().int().min(1).default(5000),
  /** How often each instance looks for windows that reached their age limit. */
  SENSOR_WINDOW_SWEEP_MS: z.coerce.number().int().min(10).default(500),
  /** Defaults until PATCH /settings: readings below / above these (°C) are refused and recorded. */
  SENSOR_PLAUSIBLE_MIN: z.coerce.number().min(-TEMPERATURE_LIMIT).default(-90),
  SENSOR_PLAUSIBLE_MAX: z.coerce.number().max(TEMPERATURE_LIMIT).default(150),
  /** Default until PATCH /settings: a reading whose z-score is beyond this is a spike. */
  SENSOR_ANOMALY_SENSITIVITY: z.coerce.number().positive().default(4.5),
  /** Readings a sensor's detector learns from before it flags spikes and drifts. */
  SENSOR_ANOMALY_WARMUP: z.coerce.number().int().min(2).default(30),
  /** This many identical readings in a row: the sensor is stuck. */
  SENSOR_STUCK_READINGS: z.coerce.number().int().min(2).default(10),
  /** CUSUM decision interval (in standard deviations) above which the level has drifted. */
  SENSOR_DRIFT_THRESHOLD: z.coerce.number().positive().default(12),
});

export type AnalyticsServiceConfig = z.infer<typeof analyticsServiceEnv>;

export function loadAnalyticsServiceConfig(env: NodeJS.ProcessEnv): AnalyticsServiceConfig {
  const config = parseConfig(analyticsServiceEnv, env);
  if (config.SENSOR_PLAUSIBLE_MIN >= config.SENSOR_PLAUSIBLE_MAX) {
    throw new ConfigError(['SENSOR_PLAUSIBLE_MIN: must be below SENSOR_PLAUSIBLE_MAX']);
  }
  return config;
}
