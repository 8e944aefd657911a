/** The scale a device reports in. */
export type TemperatureUnit = 'C' | 'F';

/** A reading as it arrived, before cleaning. */
export interface IncomingReading {
  readonly sensorId: string;
  /** In `unit`. */
  readonly value: number;
  readonly unit: TemperatureUnit;
  /** When the device took the reading (device clock). */
  readonly timestamp: Date;
  /** The event that carried it: the cause of whatever its window or detector emits. */
  readonly eventId: string;
  readonly correlationId: string;
}

/** One reading as the window processor sees it: cleaned, in °C. */
export interface TemperatureReading {
  readonly sensorId: string;
  /** °C. */
  readonly temperature: number;
  /** When the device took the reading (device clock). */
  readonly timestamp: Date;
  readonly eventId: string;
  readonly correlationId: string;
}

/** A cleaned reading that remembers the unit it was reported in (for storage). */
export interface CleanReading extends TemperatureReading {
  readonly unit: TemperatureUnit;
}

/**
 * No request may carry a reading beyond a million degrees (a 400): bounding readings keeps a
 * window's sum finite. The physically plausible range the cleaning stage applies is narrower
 * and configurable (see PlausibleRange).
 */
export const TEMPERATURE_LIMIT = 1_000_000;
