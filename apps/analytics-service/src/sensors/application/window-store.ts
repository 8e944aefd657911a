import { type OutgoingEventOn } from '@kafka-commerce/events';
import { type TemperatureAlert } from '../domain/alert-rule';
import { type ClosedWindow, type OpenWindow } from '../domain/temperature-window';

export interface RaisedAlert {
  readonly alert: TemperatureAlert;
  /** Its sensor.alert-raised event; the alert is stored under the event's id. */
  readonly event: OutgoingEventOn<'sensor.alert'>;
}

export interface WindowWrite {
  /** Sensors whose open window is now this one (created or updated). */
  readonly open: readonly OpenWindow[];
  /** Sensors that no longer have an open window. */
  readonly removed: readonly string[];
  readonly closed: readonly ClosedWindow[];
  readonly alerts: readonly RaisedAlert[];
}

/** What one transaction over the windows can do. */
export interface WindowTransaction {
  /** Inbox: the ids among these that this consumer had not handled before. */
  claim(consumer: string, eventIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** The processing clock (the database's, shared by every instance). */
  now(): Promise<Date>;
  /** Locks and returns the open windows of these sensors (waiting for a sweeper holding one). */
  lockOpenWindows(sensorIds: readonly string[]): Promise<Map<string, OpenWindow>>;
  /**
   * Locks up to `limit` open windows at least `maxAgeMs` old, skipping those another
   * transaction holds, so that several sweepers never close the same window.
   */
  lockExpiredWindows(maxAgeMs: number, limit: number): Promise<OpenWindow[]>;
  save(write: WindowWrite): Promise<void>;
}

/** Port: sensors' open and closed windows and their alerts, changed transactionally. */
export abstract class WindowStore {
  /** Runs `work` in one transaction: all its claims and writes commit together or not at all. */
  abstract inTransaction<T>(work: (tx: WindowTransaction) => Promise<T>): Promise<T>;
}
