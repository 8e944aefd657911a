/** One reading as the window processor sees it. */
export interface TemperatureReading {
  readonly sensorId: string;
  readonly temperature: number;
  /** When the device took the reading (device clock). */
  readonly timestamp: Date;
  /** The event that carried it: the cause of whatever its window emits. */
  readonly eventId: string;
  readonly correlationId: string;
}

/**
 * No thermometer reports a million degrees; bounding readings keeps a window's sum of up to a
 * million of them finite, so every average can be stored and published.
 */
export const TEMPERATURE_LIMIT = 1_000_000;

export function isPlausibleTemperature(temperature: number): boolean {
  return Number.isFinite(temperature) && Math.abs(temperature) <= TEMPERATURE_LIMIT;
}
