import {
  type OutgoingEventOf,
  type sensorAlertRaisedV1,
  type sensorAnomalyDetectedV1,
} from '@kafka-commerce/events';
import { type TemperatureAlert } from '../../domain/alert-rule';
import { type DetectorState } from '../../domain/anomaly-detector';
import { type DetectedAnomaly } from '../../domain/detect-anomalies';
import { type StoredWindow } from '../../domain/late-readings';
import { type RejectedReading, type ScreenedReading } from '../../domain/reading-cleaning';
import { type CleanReading, type TemperatureReading } from '../../domain/temperature-reading';
import { type ClosedWindow, type OpenWindow } from '../../domain/temperature-window';

export interface RaisedAlert {
  readonly alert: TemperatureAlert;
  /** Its sensor.alert-raised event; the alert is stored under the event's id. */
  readonly event: OutgoingEventOf<typeof sensorAlertRaisedV1>;
}

export interface RaisedAnomaly {
  readonly anomaly: DetectedAnomaly;
  /** Its sensor.anomaly-detected event; the anomaly is stored under the event's id. */
  readonly event: OutgoingEventOf<typeof sensorAnomalyDetectedV1>;
}

/** What the store made of a batch of screened readings (see WindowTransaction.admit). */
export interface AdmittedReadings {
  /** Events this consumer had not handled before. */
  readonly fresh: number;
  /** Fresh readings whose (sensor, timestamp) was new: now stored, in arrival order. */
  readonly readings: readonly CleanReading[];
  /** Fresh implausible readings, now stored as rejected. */
  readonly rejected: readonly RejectedReading[];
  /** Fresh readings whose (sensor, timestamp) was known already: dropped. */
  readonly duplicates: number;
}

/** The per-sensor state a batch works on, locked until the transaction ends. */
export interface LockedSensors {
  /** The processing clock (the database's, shared by every instance). */
  readonly now: Date;
  readonly windows: ReadonlyMap<string, OpenWindow>;
  readonly closedUntil: ReadonlyMap<string, Date>;
  readonly detectors: ReadonlyMap<string, DetectorState>;
}

/** A sensor's stream state to store; null leaves that part as it is. */
export interface SensorStateWrite {
  readonly sensorId: string;
  /** Kept if later than the stored one. */
  readonly closedUntil: Date | null;
  readonly detector: DetectorState | null;
}

export interface WindowWrite {
  /** Sensors whose open window is now this one (created or updated). */
  readonly open: readonly OpenWindow[];
  /** Sensors that no longer have an open window. */
  readonly removed: readonly string[];
  readonly closed: readonly ClosedWindow[];
  readonly alerts: readonly RaisedAlert[];
  readonly anomalies: readonly RaisedAnomaly[];
  readonly sensors: readonly SensorStateWrite[];
}

/** What one transaction over the windows can do. */
export interface WindowTransaction {
  /**
   * Inbox and cleaning in one: claims every reading's event for this consumer, and of the
   * events not handled before stores each clean reading and each rejected one unless its
   * (sensor, timestamp) is already stored. Readings screened as duplicates are only claimed.
   */
  admit(consumer: string, screened: readonly ScreenedReading[]): Promise<AdmittedReadings>;
  /** The processing clock (the database's, shared by every instance). */
  now(): Promise<Date>;
  /**
   * Locks and returns these sensors' open windows and stream states (waiting for a sweeper
   * holding one), in sensor order, the order every batch uses.
   */
  lockSensors(sensorIds: readonly string[]): Promise<LockedSensors>;
  /**
   * Locks up to `limit` open windows at least `maxAgeMs` old, skipping those another
   * transaction holds, so that several sweepers never close the same window.
   */
  lockExpiredWindows(maxAgeMs: number, limit: number): Promise<OpenWindow[]>;
  save(write: WindowWrite): Promise<void>;
  /** For each reading, the latest stored window of its sensor whose span holds its timestamp. */
  findStoredWindows(readings: readonly TemperatureReading[]): Promise<(StoredWindow | null)[]>;
  updateStoredWindows(windows: readonly StoredWindow[]): Promise<void>;
}

/** Port: sensors' windows, readings, stream states and alerts, changed transactionally. */
export abstract class WindowStore {
  /** Runs `work` in one transaction: all its claims and writes commit together or not at all. */
  abstract inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T>;
}
