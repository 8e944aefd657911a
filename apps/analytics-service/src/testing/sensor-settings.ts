import { type FixedSensorSettings, SensorSettings } from '../sensors/application/sensor-settings';
import { DEFAULT_DETECTOR_SETTINGS } from '../sensors/domain/anomaly-detector';
import { type SensorStreamSettings } from '../sensors/domain/sensor-stream-settings';

// The sensor stream's settings for its specs, without the database behind PATCH /settings.

/** The environment's defaults (see config/analytics-service.config). */
export const DEFAULT_STREAM_SETTINGS: SensorStreamSettings = {
  alertThreshold: 80,
  anomalySensitivity: DEFAULT_DETECTOR_SETTINGS.sensitivity,
  windowMaxReadings: 1000,
  windowMaxAgeMs: 5000,
  plausibleMin: -90,
  plausibleMax: 150,
};

const FIXED: FixedSensorSettings = {
  sweepIntervalMs: 500,
  detector: {
    warmup: DEFAULT_DETECTOR_SETTINGS.warmup,
    stuckRun: DEFAULT_DETECTOR_SETTINGS.stuckRun,
    driftThreshold: DEFAULT_DETECTOR_SETTINGS.driftThreshold,
  },
};

/** Settings whose live part stays `values` (the defaults, with `overrides`). */
export function fixedSensorSettings(overrides: Partial<SensorStreamSettings> = {}): SensorSettings {
  const values = { ...DEFAULT_STREAM_SETTINGS, ...overrides };
  return new SensorSettings(FIXED, { current: () => values });
}

/** Settings whose live part an admin changes between batches, as PATCH /settings would. */
export function changeableSensorSettings(initial: Partial<SensorStreamSettings> = {}): {
  settings: SensorSettings;
  change: (patch: Partial<SensorStreamSettings>) => void;
} {
  let values = { ...DEFAULT_STREAM_SETTINGS, ...initial };
  return {
    settings: new SensorSettings(FIXED, { current: () => values }),
    change: (patch) => {
      values = { ...values, ...patch };
    },
  };
}
