import {
  type CleanReading,
  type IncomingReading,
  type TemperatureUnit,
} from './temperature-reading';
import { toCelsius } from './temperature-unit';

/** What a thermometer can physically report, in °C (both bounds included). */
export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
}

/** Colder than the coldest air ever measured on Earth, hotter than any greenhouse or boiler room. */
export const DEFAULT_PLAUSIBLE_RANGE: PlausibleRange = { min: -90, max: 150 };

export type RejectionReason = 'below_min' | 'above_max';

/** A reading refused by the cleaning stage, as it arrived. */
export interface RejectedReading {
  readonly sensorId: string;
  readonly timestamp: Date;
  readonly rawValue: number;
  readonly unit: TemperatureUnit;
  readonly reason: RejectionReason;
  readonly eventId: string;
}

/** Each incoming reading, in order, after the cleaning stage. */
export type ScreenedReading =
  | { readonly kind: 'clean'; readonly reading: CleanReading }
  | { readonly kind: 'rejected'; readonly reading: RejectedReading }
  /** A second copy, in this batch, of a sensor's reading at the same timestamp. */
  | { readonly kind: 'duplicate'; readonly eventId: string };

/**
 * The cleaning stage before the windows: standardises each reading to °C, refuses the
 * physically implausible ones, and marks later copies of a (sensor, timestamp) within the
 * batch as duplicates. Copies across batches and redeliveries are the store's job: it keeps
 * (sensor, timestamp) unique.
 */
export function screenReadings(
  incoming: readonly IncomingReading[],
  range: PlausibleRange,
): ScreenedReading[] {
  const seen = new Set<string>();
  return incoming.map((reading): ScreenedReading => {
    const key = `${reading.sensorId}\u0000${reading.timestamp.getTime()}`;
    if (seen.has(key)) return { kind: 'duplicate', eventId: reading.eventId };
    seen.add(key);
    const temperature = toCelsius(reading.value, reading.unit);
    const reason = implausibility(temperature, range);
    if (reason) {
      const { sensorId, timestamp, value: rawValue, unit, eventId } = reading;
      return {
        kind: 'rejected',
        reading: { sensorId, timestamp, rawValue, unit, reason, eventId },
      };
    }
    const { sensorId, timestamp, unit, eventId, correlationId } = reading;
    return {
      kind: 'clean',
      reading: { sensorId, temperature, unit, timestamp, eventId, correlationId },
    };
  });
}

function implausibility(celsius: number, range: PlausibleRange): RejectionReason | null {
  if (!(celsius >= range.min)) return 'below_min';
  if (!(celsius <= range.max)) return 'above_max';
  return null;
}
