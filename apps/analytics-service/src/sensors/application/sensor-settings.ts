import { type SensorStreamSettings } from '../domain/sensor-stream-settings';
import { type DetectorSettings } from '../domain/anomaly-detector';
import { type PlausibleRange } from '../domain/reading-cleaning';
import { type WindowPolicy } from '../domain/window-policy';

/** The part of the sensor stream's configuration that only changes with a restart. */
export interface FixedSensorSettings {
  /** How often each instance looks for windows that reached their age limit. */
  readonly sweepIntervalMs: number;
  readonly detector: Omit<DetectorSettings, 'sensitivity'>;
}

/** The settings one batch of readings (or one sweep) runs on, from start to end. */
export interface EffectiveSensorSettings {
  readonly window: WindowPolicy;
  readonly alertThreshold: number;
  /** Readings outside it (in °C) are refused by the cleaning stage. */
  readonly plausible: PlausibleRange;
  readonly detector: DetectorSettings;
}

/** Where the live part comes from: RuntimeSensorSettings (PATCH /settings), or a fixed value. */
export interface SensorSettingsSource {
  current(): SensorStreamSettings;
}

/**
 * The sensor stream's configuration; the class is also its injection token. The fixed part is
 * read at start; the rest is read with `current()` once per batch and per sweep, so that a
 * change made with PATCH /settings is in effect for the next event without a restart.
 */
export class SensorSettings {
  constructor(
    readonly fixed: FixedSensorSettings,
    private readonly live: SensorSettingsSource,
  ) {}

  get sweepIntervalMs(): number {
    return this.fixed.sweepIntervalMs;
  }

  current(): EffectiveSensorSettings {
    const values = this.live.current();
    return {
      window: { maxReadings: values.windowMaxReadings, maxAgeMs: values.windowMaxAgeMs },
      alertThreshold: values.alertThreshold,
      plausible: { min: values.plausibleMin, max: values.plausibleMax },
      detector: { ...this.fixed.detector, sensitivity: values.anomalySensitivity },
    };
  }
}
