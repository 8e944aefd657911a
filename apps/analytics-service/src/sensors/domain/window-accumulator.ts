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
  /** The readings that went into windows, in arrival order. */
  readonly onTime: readonly TemperatureReading[];
  /** Readings taken before the end of their sensor's last closed window (see late-readings). */
  readonly late: readonly TemperatureReading[];
  /** Sensors whose last closed window changed, with that window's end. */
  readonly closedUntil: ReadonlyMap<string, Date>;
}

/**
 * Adds readings (in arrival order) to their sensors' open windows at `now`. A window past its
 * age limit is closed before anything is added to it; a window that reaches `maxReadings`
 * closes on exactly that reading and the next reading opens a new one, so a batch that
 * straddles the boundary is split. One already holding more (the limit was lowered by
 * PATCH /settings while it was open) closes on its next reading. A reading older than the end of its sensor's last closed
 * window (`closedUntil`, or one closed earlier in this batch) is late and set aside.
 */
export function accumulateReadings(
  open: ReadonlyMap<string, OpenWindow>,
  readings: readonly TemperatureReading[],
  now: Date,
  policy: WindowPolicy,
  closedUntil: ReadonlyMap<string, Date> = new Map(),
): WindowChanges {
  const closed: ClosedWindow[] = [];
  const current = new Map<string, OpenWindow | null>();
  const onTime: TemperatureReading[] = [];
  const late: TemperatureReading[] = [];
  const movedUntil = new Map<string, Date>();
  for (const reading of readings) {
    const { sensorId } = reading;
    let window = current.has(sensorId) ? current.get(sensorId) : expireIfDue(open.get(sensorId));
    const until = movedUntil.get(sensorId) ?? closedUntil.get(sensorId);
    if (until && reading.timestamp.getTime() < until.getTime()) {
      late.push(reading);
      current.set(sensorId, window ?? null);
      continue;
    }
    onTime.push(reading);
    window = window ? extendWindow(window, reading) : startWindow(reading, now);
    if (window.count >= policy.maxReadings) {
      close(closeWindow(window, now, 'COUNT'));
      window = null;
    }
    current.set(sensorId, window);
  }
  return { closed, open: current, onTime, late, closedUntil: movedUntil };

  function expireIfDue(window: OpenWindow | undefined): OpenWindow | null {
    if (!window) return null;
    if (!isExpired(window, now, policy)) return window;
    close(closeWindow(window, now, 'AGE'));
    return null;
  }

  function close(window: ClosedWindow): void {
    closed.push(window);
    const until = movedUntil.get(window.sensorId) ?? closedUntil.get(window.sensorId);
    if (!until || window.windowEnd.getTime() > until.getTime()) {
      movedUntil.set(window.sensorId, window.windowEnd);
    }
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
