import { Inbox, Outbox, type RawSqlClient } from '@kafka-commerce/messaging';
import {
  type AdmittedReadings,
  type LockedSensors,
  type WindowTransaction,
  type WindowWrite,
} from '../application/ports/window-store';
import { type DetectorState } from '../domain/anomaly-detector';
import { type StoredWindow } from '../domain/late-readings';
import { type RejectedReading, type ScreenedReading } from '../domain/reading-cleaning';
import { type CleanReading, type TemperatureReading } from '../domain/temperature-reading';
import { type OpenWindow } from '../domain/temperature-window';
import { decodeDetectorState } from './detector-state-codec';
import {
  ADMIT_READINGS_SQL,
  DELETE_OPEN_SQL,
  FIND_STORED_WINDOWS_SQL,
  INSERT_ALERTS_SQL,
  INSERT_ANOMALIES_SQL,
  INSERT_CLOSED_SQL,
  LOCK_EXPIRED_SQL,
  LOCK_SENSORS_SQL,
  SAVE_OPEN_AND_STATES_SQL,
  UPDATE_STORED_WINDOWS_SQL,
} from './sensor-stream.sql';

type Outcome = 'redelivered' | 'rejected' | 'duplicate';

/** An open window as jsonb_agg writes it: timestamps are text. */
interface OpenWindowJson extends Omit<OpenWindow, 'windowStart' | 'windowEnd' | 'openedAt'> {
  windowStart: string;
  windowEnd: string;
  openedAt: string;
}

interface LockedRow {
  now: Date;
  windows: OpenWindowJson[] | string;
  states: { sensorId: string; closedUntil: string | null; detector: unknown }[] | string;
}

/** The window store's operations inside one transaction (pg returns bigint as text). */
export class PostgresWindowTransaction implements WindowTransaction {
  constructor(
    private readonly tx: RawSqlClient,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {}

  async admit(consumer: string, screened: readonly ScreenedReading[]): Promise<AdmittedReadings> {
    if (screened.length === 0) return { fresh: 0, readings: [], rejected: [], duplicates: 0 };
    const eventIds = screened.map((entry) =>
      entry.kind === 'duplicate' ? entry.eventId : entry.reading.eventId,
    );
    const rows = await this.tx.$queryRawUnsafe<{ position: number; outcome: Outcome }[]>(
      ADMIT_READINGS_SQL,
      consumer,
      JSON.stringify(screened.map(toInputRow)),
      JSON.stringify([...new Set(eventIds)]),
    );
    const outcomes = new Map(rows.map((row) => [row.position, row.outcome]));
    const readings: CleanReading[] = [];
    const rejected: RejectedReading[] = [];
    let redelivered = 0;
    let duplicates = 0;
    screened.forEach((entry, position) => {
      const outcome = outcomes.get(position);
      if (outcome === 'redelivered') redelivered++;
      else if (outcome === 'duplicate') duplicates++;
      else if (entry.kind === 'clean') readings.push(entry.reading);
      else if (entry.kind === 'rejected') rejected.push(entry.reading);
    });
    this.inbox.countDuplicates(consumer, redelivered);
    return { fresh: screened.length - redelivered, readings, rejected, duplicates };
  }

  async now(): Promise<Date> {
    // now() is the transaction's start: the same instant for every statement in it.
    const [row] = await this.tx.$queryRawUnsafe<{ now: Date }[]>('SELECT now() AS now');
    if (!row) throw new Error('SELECT now() returned no row');
    return row.now;
  }

  async lockSensors(sensorIds: readonly string[]): Promise<LockedSensors> {
    const [row] = await this.tx.$queryRawUnsafe<LockedRow[]>(LOCK_SENSORS_SQL, sensorIds);
    if (!row) throw new Error('locking the sensors returned no row');
    const windows = new Map<string, OpenWindow>();
    for (const window of json(row.windows)) {
      windows.set(window.sensorId, {
        ...window,
        windowStart: new Date(window.windowStart),
        windowEnd: new Date(window.windowEnd),
        openedAt: new Date(window.openedAt),
      });
    }
    const closedUntil = new Map<string, Date>();
    const detectors = new Map<string, DetectorState>();
    for (const state of json(row.states)) {
      if (state.closedUntil !== null) closedUntil.set(state.sensorId, new Date(state.closedUntil));
      const detector = decodeDetectorState(state.detector);
      if (detector) detectors.set(state.sensorId, detector);
    }
    return { now: row.now, windows, closedUntil, detectors };
  }

  lockExpiredWindows(maxAgeMs: number, limit: number): Promise<OpenWindow[]> {
    return this.tx.$queryRawUnsafe<OpenWindow[]>(LOCK_EXPIRED_SQL, maxAgeMs, limit);
  }

  async save({ open, removed, closed, alerts, anomalies, sensors }: WindowWrite): Promise<void> {
    if (removed.length > 0) await this.tx.$executeRawUnsafe(DELETE_OPEN_SQL, removed);
    if (open.length > 0 || sensors.length > 0) {
      await this.tx.$executeRawUnsafe(
        SAVE_OPEN_AND_STATES_SQL,
        JSON.stringify(open),
        JSON.stringify(sensors),
      );
    }
    if (closed.length > 0) {
      // Ids in closing order: a sensor's windows are listed by id.
      const rows = closed.map((window, position) => ({ ...window, position }));
      await this.tx.$executeRawUnsafe(INSERT_CLOSED_SQL, JSON.stringify(rows));
    }
    if (alerts.length > 0) {
      const rows = alerts.map(({ alert, event }) => ({
        ...alert,
        id: event.envelope.eventId,
        raisedAt: event.envelope.payload.raisedAt,
      }));
      await this.tx.$executeRawUnsafe(INSERT_ALERTS_SQL, JSON.stringify(rows));
    }
    if (anomalies.length > 0) {
      const rows = anomalies.map(({ event }) => ({
        ...event.envelope.payload,
        id: event.envelope.eventId,
      }));
      await this.tx.$executeRawUnsafe(INSERT_ANOMALIES_SQL, JSON.stringify(rows));
    }
    const events = [...alerts, ...anomalies].map((raised) => raised.event);
    if (events.length > 0) await this.outbox.append(this.tx, events);
  }

  async findStoredWindows(
    readings: readonly TemperatureReading[],
  ): Promise<(StoredWindow | null)[]> {
    const rows = await this.tx.$queryRawUnsafe<(StoredWindow & { position: number })[]>(
      FIND_STORED_WINDOWS_SQL,
      JSON.stringify(
        readings.map((reading, i) => ({ i, sensorId: reading.sensorId, t: reading.timestamp })),
      ),
    );
    const found = new Map(rows.map(({ position, ...window }) => [position, window]));
    return readings.map((_, i) => found.get(i) ?? null);
  }

  async updateStoredWindows(windows: readonly StoredWindow[]): Promise<void> {
    await this.tx.$executeRawUnsafe(UPDATE_STORED_WINDOWS_SQL, JSON.stringify(windows));
  }
}

function toInputRow(entry: ScreenedReading, p: number) {
  switch (entry.kind) {
    case 'clean': {
      const { reading } = entry;
      return {
        p,
        k: entry.kind,
        e: reading.eventId,
        s: reading.sensorId,
        t: reading.timestamp,
        v: reading.temperature,
        u: reading.unit,
      };
    }
    case 'rejected': {
      const { reading } = entry;
      return {
        p,
        k: entry.kind,
        e: reading.eventId,
        s: reading.sensorId,
        t: reading.timestamp,
        v: reading.rawValue,
        u: reading.unit,
        reason: reading.reason,
      };
    }
    case 'duplicate':
      return { p, k: entry.kind, e: entry.eventId };
  }
}

/** jsonb comes back parsed or as text, depending on the driver's type parsers. */
function json<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}
