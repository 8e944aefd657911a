import { type OutgoingEvent } from '@kafka-commerce/events';
import {
  type AdmittedReadings,
  type LockedSensors,
  type RaisedAlert,
  type RaisedAnomaly,
  WindowStore,
  type WindowTransaction,
  type WindowWrite,
} from '../sensors/application/ports/window-store';
import { type DetectorState } from '../sensors/domain/anomaly-detector';
import { type StoredWindow } from '../sensors/domain/late-readings';
import { type RejectedReading, type ScreenedReading } from '../sensors/domain/reading-cleaning';
import { type CleanReading, type TemperatureReading } from '../sensors/domain/temperature-reading';
import { type ClosedWindow, type OpenWindow } from '../sensors/domain/temperature-window';

interface SensorRow {
  readonly closedUntil: Date | null;
  readonly detector: DetectorState | null;
}

interface WindowState {
  processed: Set<string>;
  readings: Map<string, CleanReading>;
  rejected: Map<string, RejectedReading>;
  sensors: Map<string, SensorRow>;
  open: Map<string, OpenWindow>;
  closed: (ClosedWindow & { id: string })[];
  alerts: RaisedAlert[];
  anomalies: RaisedAnomaly[];
  outbox: OutgoingEvent[];
}

/** The window store in memory, with a settable clock and all-or-nothing transactions. */
export class InMemoryWindowStore extends WindowStore {
  now = new Date('2026-11-26T10:00:00.000Z');
  /** Sensors whose open window another transaction holds (a sweeper must skip them). */
  readonly heldElsewhere = new Set<string>();
  private nextWindowId = 1;
  private state: WindowState = {
    processed: new Set(),
    readings: new Map(),
    rejected: new Map(),
    sensors: new Map(),
    open: new Map(),
    closed: [],
    alerts: [],
    anomalies: [],
    outbox: [],
  };

  get readings(): readonly CleanReading[] {
    return [...this.state.readings.values()];
  }
  get rejected(): readonly RejectedReading[] {
    return [...this.state.rejected.values()];
  }
  get sensors(): ReadonlyMap<string, SensorRow> {
    return this.state.sensors;
  }
  get open(): ReadonlyMap<string, OpenWindow> {
    return this.state.open;
  }
  get closed(): readonly ClosedWindow[] {
    return this.state.closed;
  }
  get alerts(): readonly RaisedAlert[] {
    return this.state.alerts;
  }
  get anomalies(): readonly RaisedAnomaly[] {
    return this.state.anomalies;
  }
  get outbox(): readonly OutgoingEvent[] {
    return this.state.outbox;
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  async inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T> {
    const draft: WindowState = {
      processed: new Set(this.state.processed),
      readings: new Map(this.state.readings),
      rejected: new Map(this.state.rejected),
      sensors: new Map(this.state.sensors),
      open: new Map(this.state.open),
      closed: [...this.state.closed],
      alerts: [...this.state.alerts],
      anomalies: [...this.state.anomalies],
      outbox: [...this.state.outbox],
    };
    const result = await work(this.transactionOver(draft));
    this.state = draft;
    return result;
  }

  private transactionOver(draft: WindowState): WindowTransaction {
    const now = this.now;
    return {
      admit: (consumer, screened) => Promise.resolve(admit(draft, consumer, screened)),
      now: () => Promise.resolve(now),
      lockSensors: (sensorIds): Promise<LockedSensors> => {
        const windows = new Map<string, OpenWindow>();
        const closedUntil = new Map<string, Date>();
        const detectors = new Map<string, DetectorState>();
        for (const sensorId of sensorIds) {
          const window = draft.open.get(sensorId);
          if (window) windows.set(sensorId, window);
          const sensor = draft.sensors.get(sensorId);
          if (sensor?.closedUntil) closedUntil.set(sensorId, sensor.closedUntil);
          if (sensor?.detector) detectors.set(sensorId, sensor.detector);
        }
        return Promise.resolve({ now, windows, closedUntil, detectors });
      },
      lockExpiredWindows: (maxAgeMs, limit) =>
        Promise.resolve(
          [...draft.open.values()]
            .filter((window) => !this.heldElsewhere.has(window.sensorId))
            .filter((window) => now.getTime() - window.openedAt.getTime() >= maxAgeMs)
            .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
            .slice(0, limit),
        ),
      save: (write: WindowWrite) => {
        for (const sensorId of write.removed) draft.open.delete(sensorId);
        for (const window of write.open) draft.open.set(window.sensorId, window);
        for (const { sensorId, closedUntil, detector } of write.sensors) {
          const before = draft.sensors.get(sensorId) ?? { closedUntil: null, detector: null };
          draft.sensors.set(sensorId, {
            closedUntil: later(before.closedUntil, closedUntil),
            detector: detector ?? before.detector,
          });
        }
        draft.closed.push(
          ...write.closed.map((window) => ({ ...window, id: String(this.nextWindowId++) })),
        );
        draft.alerts.push(...write.alerts);
        draft.anomalies.push(...write.anomalies);
        draft.outbox.push(...[...write.alerts, ...write.anomalies].map((raised) => raised.event));
        return Promise.resolve();
      },
      findStoredWindows: (readings: readonly TemperatureReading[]) =>
        Promise.resolve(
          readings.map((reading): StoredWindow | null => {
            const t = reading.timestamp.getTime();
            const home = draft.closed
              .filter(
                (window) =>
                  window.sensorId === reading.sensorId &&
                  window.windowStart.getTime() <= t &&
                  t <= window.windowEnd.getTime(),
              )
              .at(-1);
            return home ?? null;
          }),
        ),
      updateStoredWindows: (windows) => {
        for (const window of windows) {
          const index = draft.closed.findIndex((stored) => stored.id === window.id);
          const stored = draft.closed[index];
          if (stored) draft.closed[index] = { ...stored, ...window };
        }
        return Promise.resolve();
      },
    };
  }
}

function admit(
  draft: WindowState,
  consumer: string,
  screened: readonly ScreenedReading[],
): AdmittedReadings {
  const readings: CleanReading[] = [];
  const rejected: RejectedReading[] = [];
  let fresh = 0;
  let duplicates = 0;
  for (const entry of screened) {
    const eventId = entry.kind === 'duplicate' ? entry.eventId : entry.reading.eventId;
    const claim = `${consumer}/${eventId}`;
    if (draft.processed.has(claim)) continue;
    draft.processed.add(claim);
    fresh++;
    if (entry.kind === 'duplicate') {
      duplicates++;
      continue;
    }
    const key = `${entry.reading.sensorId}/${entry.reading.timestamp.getTime()}`;
    const table = entry.kind === 'clean' ? draft.readings : draft.rejected;
    if (table.has(key)) {
      duplicates++;
    } else if (entry.kind === 'clean') {
      draft.readings.set(key, entry.reading);
      readings.push(entry.reading);
    } else {
      draft.rejected.set(key, entry.reading);
      rejected.push(entry.reading);
    }
  }
  return { fresh, readings, rejected, duplicates };
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return b.getTime() > a.getTime() ? b : a;
}
