import { type TemperatureReading } from './temperature-reading';
import {
  type ClosedWindow,
  closeWindow,
  extendWindow,
  isExpired,
  type OpenWindow,
  startWindow,
} from './temperature-window';
import { type WindowPolicy } from './window-policy';

export interface WindowChanges {
  readonly closed: readonly ClosedWindow[];
  /** Every sensor touched, with its window still open afterwards, or null if none is. */
  readonly open: ReadonlyMap<string, OpenWindow | null>;
}

/**
 * Adds readings (in arrival order) to their sensors' open windows at `now`. A window past its
 * age limit is closed before anything is added to it; a window that reaches `maxReadings`
 * closes on exactly that reading and the next reading opens a new one, so a batch that
 * straddles the boundary is split.
 */
export function accumulateReadings(
  open: ReadonlyMap<string, OpenWindow>,
  readings: readonly TemperatureReading[],
  now: Date,
  policy: WindowPolicy,
): WindowChanges {
  const closed: ClosedWindow[] = [];
  const current = new Map<string, OpenWindow | null>();
  for (const reading of readings) {
    const { sensorId } = reading;
    let window = current.has(sensorId) ? current.get(sensorId) : expireIfDue(open.get(sensorId));
    window = window ? extendWindow(window, reading) : startWindow(reading, now);
    if (window.count >= policy.maxReadings) {
      closed.push(closeWindow(window, now, 'COUNT'));
      window = null;
    }
    current.set(sensorId, window);
  }
  return { closed, open: current };

  function expireIfDue(window: OpenWindow | undefined): OpenWindow | null {
    if (!window) return null;
    if (!isExpired(window, now, policy)) return window;
    closed.push(closeWindow(window, now, 'AGE'));
    return null;
  }
}

/** Closes, at `now`, the windows that reached their age limit. */
export function closeExpiredWindows(
  open: readonly OpenWindow[],
  now: Date,
  policy: WindowPolicy,
): ClosedWindow[] {
  return open
    .filter((window) => isExpired(window, now, policy))
    .map((window) => closeWindow(window, now, 'AGE'));
}
