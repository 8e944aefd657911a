import {
  type Anomaly,
  type DetectorSettings,
  type DetectorState,
  INITIAL_DETECTOR_STATE,
  observe,
} from './anomaly-detector';
import { type TemperatureReading } from './temperature-reading';

export interface DetectedAnomaly extends Anomaly {
  readonly reading: TemperatureReading;
}

export interface Detection {
  /** Every sensor that had readings, with its detector state afterwards. */
  readonly states: ReadonlyMap<string, DetectorState>;
  readonly anomalies: readonly DetectedAnomaly[];
}

/** Runs each sensor's detector over its readings, in arrival order. */
export function detectAnomalies(
  states: ReadonlyMap<string, DetectorState>,
  readings: readonly TemperatureReading[],
  settings: DetectorSettings,
): Detection {
  const next = new Map<string, DetectorState>();
  const anomalies: DetectedAnomaly[] = [];
  for (const reading of readings) {
    const { sensorId } = reading;
    const before = next.get(sensorId) ?? states.get(sensorId) ?? INITIAL_DETECTOR_STATE;
    const { state, anomaly } = observe(before, reading.temperature, settings);
    next.set(sensorId, state);
    if (anomaly) anomalies.push({ ...anomaly, reading });
  }
  return { states: next, anomalies };
}
