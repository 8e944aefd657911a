import { sensorSettingsDefinition } from './runtime-sensor-settings';

describe('sensorSettingsDefinition', () => {
  it("is analytics-service's, with the environment's SENSOR_* values as defaults", () => {
    const definition = sensorSettingsDefinition({
      SENSOR_ALERT_THRESHOLD: 75,
      SENSOR_ANOMALY_SENSITIVITY: 3,
      SENSOR_WINDOW_MAX_READINGS: 500,
      SENSOR_WINDOW_MAX_AGE_MS: 2000,
      SENSOR_PLAUSIBLE_MIN: -50,
      SENSOR_PLAUSIBLE_MAX: 120,
    });
    expect(definition.scope).toBe('analytics-service');
    expect(definition.defaults).toEqual({
      alertThreshold: 75,
      anomalySensitivity: 3,
      windowMaxReadings: 500,
      windowMaxAgeMs: 2000,
      plausibleMin: -50,
      plausibleMax: 120,
    });
  });
});
