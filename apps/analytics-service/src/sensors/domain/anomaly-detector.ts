/**
 * Per-sensor streaming anomaly detection. The state is a plain value: `observe` returns the
 * next one, so it can be stored per sensor and replayed exactly.
 *
 * - spike: a reading whose z-score against the EWMA mean and variance is beyond the
 *   sensitivity. Spikes are not learned, so they do not drag the statistics with them.
 * - drift: a two-sided CUSUM of the readings' deviations from a slow baseline (an EWMA with a
 *   memory of ~200 readings), in standard deviations: it alarms once the accumulated excess
 *   over half a standard deviation passes `driftThreshold`, once per drift.
 * - stuck: `stuckRun` identical readings in a row (reported once per run; not learned).
 */

export type SensorFault = 'spike' | 'drift' | 'stuck';

export interface DetectorSettings {
  /** A reading whose |z-score| is above this is a spike. */
  readonly sensitivity: number;
  /** Readings learned before spikes and drifts are judged. */
  readonly warmup: number;
  /** This many identical readings in a row: the sensor is stuck. */
  readonly stuckRun: number;
  /** CUSUM decision interval, in standard deviations. */
  readonly driftThreshold: number;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  sensitivity: 4.5,
  warmup: 30,
  stuckRun: 10,
  driftThreshold: 12,
};

export interface DetectorState {
  /** Readings learned so far. */
  readonly learned: number;
  /** EWMA of the readings and of their squared deviations (°C, °C²). */
  readonly mean: number;
  readonly variance: number;
  /** The slow EWMA drifts are measured from (°C). */
  readonly baseline: number;
  /** CUSUM statistics of deviations above and below the baseline (standard deviations). */
  readonly cusumHigh: number;
  readonly cusumLow: number;
  /** A drift was reported and has not settled yet (no second alarm until it does). */
  readonly drifting: boolean;
  readonly lastValue: number | null;
  /** Length of the current run of identical readings. */
  readonly repeats: number;
  /** Spikes in a row; a run of them is a new level, not spikes. */
  readonly outliers: number;
}

export interface Anomaly {
  readonly fault: SensorFault;
  /** The reading (°C). */
  readonly temperature: number;
  /** What the statistics expected: the mean (spike, stuck) or the baseline (drift). */
  readonly expected: number;
  /** spike: the z-score; drift: the CUSUM statistic, signed; stuck: the run length. */
  readonly score: number;
}

export interface Observation {
  readonly state: DetectorState;
  readonly anomaly: Anomaly | null;
}

/** Fast EWMA weight of the mean: a memory of about 40 readings. */
const ALPHA = 0.05;
/** EWMA weight of the variance: a memory of about 200 readings, so z-scores have thin tails. */
const VARIANCE_ALPHA = 0.01;
/** Baseline EWMA weight: a memory of about 200 readings. */
const BASELINE_ALPHA = 0.005;
/** CUSUM slack: deviations under half a standard deviation are noise. */
const DRIFT_SLACK = 0.5;
/** Spikes in a row after which the sensor is taken to have moved to a new level. */
const LEVEL_SHIFT_RUN = 5;
/** °C. A floor for the standard deviation, so a perfectly flat sensor still has a z-score. */
const MIN_STD = 0.01;

export const INITIAL_DETECTOR_STATE: DetectorState = {
  learned: 0,
  mean: 0,
  variance: 0,
  baseline: 0,
  cusumHigh: 0,
  cusumLow: 0,
  drifting: false,
  lastValue: null,
  repeats: 0,
  outliers: 0,
};

/** Judges one reading (°C) of the sensor whose state this is, and learns from it. */
export function observe(
  state: DetectorState,
  value: number,
  settings: DetectorSettings,
): Observation {
  const repeats = state.lastValue === value ? state.repeats + 1 : 1;
  const seen: DetectorState = { ...state, lastValue: value, repeats };
  if (repeats >= settings.stuckRun) {
    // A stuck sensor tells nothing about the temperature: its readings are not learned.
    const anomaly: Anomaly | null =
      repeats === settings.stuckRun
        ? { fault: 'stuck', temperature: value, expected: state.mean, score: repeats }
        : null;
    return { state: seen, anomaly };
  }
  if (state.learned < settings.warmup) return { state: learn(seen, value), anomaly: null };

  const std = Math.max(Math.sqrt(state.variance), MIN_STD);
  const z = (value - state.mean) / std;
  if (Math.abs(z) > settings.sensitivity) {
    const outliers = state.outliers + 1;
    const next = outliers >= LEVEL_SHIFT_RUN ? relevel(seen, value) : { ...seen, outliers };
    return {
      state: next,
      anomaly: { fault: 'spike', temperature: value, expected: state.mean, score: z },
    };
  }
  const drift = trackDrift({ ...seen, outliers: 0 }, (value - state.baseline) / std, settings);
  return {
    state: learn(drift.state, value),
    anomaly: drift.alarm
      ? { fault: 'drift', temperature: value, expected: state.baseline, score: drift.score }
      : null,
  };
}

function learn(state: DetectorState, value: number): DetectorState {
  const learned = state.learned + 1;
  // 1/n at first: the mean and variance of the readings so far, until the EWMAs take over.
  const alpha = Math.max(ALPHA, 1 / learned);
  const varianceAlpha = Math.max(VARIANCE_ALPHA, 1 / learned);
  const deviation = value - state.mean;
  const mean = state.mean + alpha * deviation;
  const variance = (1 - varianceAlpha) * (state.variance + varianceAlpha * deviation * deviation);
  // While a drift is on, the baseline follows the level quickly, so the alarm settles once the
  // level stops moving and a later drift can be reported again.
  const baselineAlpha = state.drifting ? ALPHA : Math.max(BASELINE_ALPHA, 1 / learned);
  const baseline = state.baseline + baselineAlpha * (value - state.baseline);
  return { ...state, learned, mean, variance, baseline };
}

function trackDrift(
  state: DetectorState,
  deviation: number,
  settings: DetectorSettings,
): { state: DetectorState; alarm: boolean; score: number } {
  const cap = 2 * settings.driftThreshold;
  const cusumHigh = Math.min(cap, Math.max(0, state.cusumHigh + deviation - DRIFT_SLACK));
  const cusumLow = Math.min(cap, Math.max(0, state.cusumLow - deviation - DRIFT_SLACK));
  const beyond = cusumHigh > settings.driftThreshold || cusumLow > settings.driftThreshold;
  const drifting = state.drifting ? cusumHigh > 0 || cusumLow > 0 : beyond;
  return {
    state: { ...state, cusumHigh, cusumLow, drifting },
    alarm: beyond && !state.drifting,
    score: cusumHigh >= cusumLow ? cusumHigh : -cusumLow,
  };
}

/** Starts again from a new level, keeping what is known of the sensor's noise. */
function relevel(state: DetectorState, value: number): DetectorState {
  return {
    ...state,
    mean: value,
    baseline: value,
    cusumHigh: 0,
    cusumLow: 0,
    drifting: false,
    outliers: 0,
  };
}
