/** When a sensor's window closes: at `maxReadings` readings or `maxAgeMs` after it opened. */
export interface WindowPolicy {
  readonly maxReadings: number;
  readonly maxAgeMs: number;
}
