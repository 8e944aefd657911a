import { ConfigError } from '@kafka-commerce/config';
import { loadAnalyticsServiceConfig } from './analytics-service.config';

const required = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/kc_analytics',
  JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
};

describe('loadAnalyticsServiceConfig: the sensor stream', () => {
  it('defaults to −90…150 °C, sensitivity 4.5 after 30 readings, stuck at 10, drift at 12', () => {
    expect(loadAnalyticsServiceConfig(required)).toMatchObject({
      SENSOR_PLAUSIBLE_MIN: -90,
      SENSOR_PLAUSIBLE_MAX: 150,
      SENSOR_ANOMALY_SENSITIVITY: 4.5,
      SENSOR_ANOMALY_WARMUP: 30,
      SENSOR_STUCK_READINGS: 10,
      SENSOR_DRIFT_THRESHOLD: 12,
    });
  });

  it('takes them from the environment, and names the variable it refuses', () => {
    expect(
      loadAnalyticsServiceConfig({
        ...required,
        SENSOR_PLAUSIBLE_MIN: '-40',
        SENSOR_PLAUSIBLE_MAX: '85',
        SENSOR_ANOMALY_SENSITIVITY: '3',
      }),
    ).toMatchObject({
      SENSOR_PLAUSIBLE_MIN: -40,
      SENSOR_PLAUSIBLE_MAX: 85,
      SENSOR_ANOMALY_SENSITIVITY: 3,
    });
    expect(() =>
      loadAnalyticsServiceConfig({
        ...required,
        SENSOR_PLAUSIBLE_MIN: '100',
        SENSOR_PLAUSIBLE_MAX: '50',
      }),
    ).toThrow(new ConfigError(['SENSOR_PLAUSIBLE_MIN: must be below SENSOR_PLAUSIBLE_MAX']));
    expect(() => loadAnalyticsServiceConfig({ ...required, SENSOR_ANOMALY_WARMUP: '1' })).toThrow(
      /SENSOR_ANOMALY_WARMUP/,
    );
  });
});
