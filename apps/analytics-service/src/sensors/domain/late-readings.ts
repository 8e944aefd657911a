import { roundAverage } from './temperature-window';
import { type TemperatureReading } from './temperature-reading';

/**
 * Late readings. A reading is late when it was taken before the end of its sensor's last
 * closed window (device time): the window it belongs to is already closed.
 *
 * Policy: a late reading updates the stored window whose span [windowStart, windowEnd]
 * contains its timestamp (count, average, min and max; the latest such window if spans
 * overlap). When no stored window spans it (it falls in a gap between windows, before the
 * first, or its window was deleted), it is dropped. Either way it never enters the open
 * window or the anomaly detector (their statistics follow the sensor forward in time), a
 * late update never raises or withdraws a threshold alert, and each outcome is counted
 * (`sensor_readings_late_total{outcome}`). The reading itself is kept with the raw readings.
 */

/** A closed window as stored. */
export interface StoredWindow {
  readonly id: string;
  readonly sensorId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly count: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
}

/** The window with the late readings that belong to it added. */
export function absorbLateReadings(
  window: StoredWindow,
  readings: readonly TemperatureReading[],
): StoredWindow {
  const temperatures = readings.map((reading) => reading.temperature);
  const count = window.count + temperatures.length;
  // The stored average is rounded: the new one is exact up to that rounding, then rounded again.
  const sum = window.avg * window.count + temperatures.reduce((total, t) => total + t, 0);
  return {
    ...window,
    count,
    avg: roundAverage(sum / count),
    min: temperatures.reduce((min, t) => Math.min(min, t), window.min),
    max: temperatures.reduce((max, t) => Math.max(max, t), window.max),
  };
}

export interface LatePlan {
  /** Stored windows with their late readings added. */
  readonly updated: readonly StoredWindow[];
  /** Late readings no stored window spans. */
  readonly dropped: readonly TemperatureReading[];
}

/** Applies the policy to late readings, each paired with the stored window spanning it, if any. */
export function planLateReadings(
  late: readonly { readonly reading: TemperatureReading; readonly home: StoredWindow | null }[],
): LatePlan {
  const byWindow = new Map<string, { window: StoredWindow; readings: TemperatureReading[] }>();
  const dropped: TemperatureReading[] = [];
  for (const { reading, home } of late) {
    if (!home) {
      dropped.push(reading);
      continue;
    }
    const entry = byWindow.get(home.id) ?? { window: home, readings: [] };
    entry.readings.push(reading);
    byWindow.set(home.id, entry);
  }
  const updated = [...byWindow.values()].map(({ window, readings }) =>
    absorbLateReadings(window, readings),
  );
  return { updated, dropped };
}
