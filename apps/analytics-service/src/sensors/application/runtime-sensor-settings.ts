import { RuntimeSettings, type SettingsDefinition } from '@kafka-commerce/platform';
import type { AnalyticsServiceConfig } from '../../config/analytics-service.config';
import { ANALYTICS_SERVICE } from '../../config/service-name';
import { type SensorStreamSettings, sensorSettingsErrors } from '../domain/sensor-stream-settings';

/**
 * The sensor stream's runtime settings, kept current in every instance (see RuntimeSettings
 * in libs/platform: a row in this service's database, LISTEN/NOTIFY and a slow poll); the
 * class is the injection token. `current()` never waits: read it for each batch of readings
 * and each sweep rather than keeping the values.
 */
export class RuntimeSensorSettings extends RuntimeSettings<SensorStreamSettings> {}

type SensorEnv = Pick<
  AnalyticsServiceConfig,
  | 'SENSOR_ALERT_THRESHOLD'
  | 'SENSOR_ANOMALY_SENSITIVITY'
  | 'SENSOR_WINDOW_MAX_READINGS'
  | 'SENSOR_WINDOW_MAX_AGE_MS'
  | 'SENSOR_PLAUSIBLE_MIN'
  | 'SENSOR_PLAUSIBLE_MAX'
>;

/** The environment's SENSOR_* values are the settings until an admin first changes them. */
export function sensorSettingsDefinition(
  config: SensorEnv,
): SettingsDefinition<SensorStreamSettings> {
  return {
    scope: ANALYTICS_SERVICE,
    defaults: {
      alertThreshold: config.SENSOR_ALERT_THRESHOLD,
      anomalySensitivity: config.SENSOR_ANOMALY_SENSITIVITY,
      windowMaxReadings: config.SENSOR_WINDOW_MAX_READINGS,
      windowMaxAgeMs: config.SENSOR_WINDOW_MAX_AGE_MS,
      plausibleMin: config.SENSOR_PLAUSIBLE_MIN,
      plausibleMax: config.SENSOR_PLAUSIBLE_MAX,
    },
    validate: sensorSettingsErrors,
  };
}
