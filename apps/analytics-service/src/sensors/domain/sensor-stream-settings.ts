import { TEMPERATURE_LIMIT } from './temperature-reading';

/** The sensor stream's runtime settings (`PATCH /settings`), in effect without a restart. */
export interface SensorStreamSettings {
  /** A closed window whose average (°C) is above it raises a threshold alert. */
  readonly alertThreshold: number;
  /** A reading whose |z-score| is above it is a spike (anomaly alert). */
  readonly anomalySensitivity: number;
  /** A sensor's window closes when it holds this many readings… */
  readonly windowMaxReadings: number;
  /** …or this long after its first reading, whichever comes first. */
  readonly windowMaxAgeMs: number;
  /** Readings below it (°C) are implausible: refused by the cleaning stage. */
  readonly plausibleMin: number;
  /** Readings above it (°C) are implausible: refused by the cleaning stage. */
  readonly plausibleMax: number;
}

export interface SettingRange {
  readonly min: number;
  readonly max: number;
  /** The lower bound itself is refused (a sensitivity of 0 would flag every reading). */
  readonly minExcluded?: boolean;
  readonly integer?: boolean;
}

/** One day: a window open longer than that is no longer a live view of the stream. */
export const MAX_WINDOW_AGE_MS = 86_400_000;

/** The range each setting may be changed within (both ends included unless said). */
export const SENSOR_SETTING_RANGES: { readonly [K in keyof SensorStreamSettings]: SettingRange } = {
  alertThreshold: { min: -TEMPERATURE_LIMIT, max: TEMPERATURE_LIMIT },
  anomalySensitivity: { min: 0, max: 1000, minExcluded: true },
  windowMaxReadings: { min: 1, max: 1_000_000, integer: true },
  windowMaxAgeMs: { min: 1, max: MAX_WINDOW_AGE_MS, integer: true },
  plausibleMin: { min: -TEMPERATURE_LIMIT, max: TEMPERATURE_LIMIT },
  plausibleMax: { min: -TEMPERATURE_LIMIT, max: TEMPERATURE_LIMIT },
};

export interface SettingError {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * What is wrong with settings about to be stored: each changed field against its range, and
 * plausibleMin below plausibleMax (named after the bound being changed).
 */
export function sensorSettingsErrors(
  candidate: SensorStreamSettings,
  changed: ReadonlySet<keyof SensorStreamSettings>,
): SettingError[] {
  const errors: SettingError[] = [];
  for (const field of changed) {
    const problem = outOfRange(field, candidate[field], SENSOR_SETTING_RANGES[field]);
    if (problem) errors.push({ field, messages: [problem] });
  }
  if (errors.length === 0 && !(candidate.plausibleMin < candidate.plausibleMax)) {
    const field =
      changed.has('plausibleMax') && !changed.has('plausibleMin') ? 'plausibleMax' : 'plausibleMin';
    errors.push({
      field,
      messages: [
        `plausibleMin must be below plausibleMax (they would be ${candidate.plausibleMin} and ${candidate.plausibleMax})`,
      ],
    });
  }
  return errors;
}

function outOfRange(field: string, value: number, range: SettingRange): string | null {
  const kind = range.integer ? 'an integer' : 'a number';
  const low = range.minExcluded ? `above ${range.min}` : `from ${range.min}`;
  const rule = `${field} must be ${kind} ${low} to ${range.max}`;
  if (!Number.isFinite(value) || (range.integer && !Number.isInteger(value))) return rule;
  const tooLow = range.minExcluded ? value <= range.min : value < range.min;
  return tooLow || value > range.max ? rule : null;
}
