import { type OrderMinuteStatus } from '../../../projections';

export type AlertKind = 'threshold' | 'anomaly';

export interface OrderMinuteCount {
  readonly minute: Date;
  readonly status: OrderMinuteStatus;
  readonly count: number;
}

export interface WindowAverage {
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly avg: number;
}

/** One sensor's most recent closed windows, oldest first. */
export interface SensorWindows {
  readonly sensorId: string;
  readonly windows: readonly WindowAverage[];
}

/** When an alert of a sensor was about: a threshold alert's window end, an anomaly's reading. */
export interface AlertMark {
  readonly sensorId: string;
  readonly kind: AlertKind;
  readonly at: Date;
}

export interface RecentAlert {
  readonly id: string;
  readonly sensorId: string;
  readonly kind: AlertKind;
  /** A threshold alert's window average, an anomaly's reading (°C). */
  readonly value: number;
  /** What it is measured against: the threshold, or the value the detector expected. */
  readonly reference: number;
  /** An anomaly's fault (spike, drift, stuck); null for a threshold alert. */
  readonly fault: string | null;
  readonly raisedAt: Date;
}

/** Port: what the dashboard reads besides the summary; every query bounded and indexed. */
export abstract class DashboardReader {
  /** Order counts per minute and status from `since` on. */
  abstract orderMinutes(since: Date): Promise<OrderMinuteCount[]>;
  /** The `sensors` sensors with the latest closed windows, each with its last `windows`. */
  abstract recentWindows(sensors: number, windows: number): Promise<SensorWindows[]>;
  /** These sensors' alerts raised from `since` on. */
  abstract alertMarks(sensorIds: readonly string[], since: Date): Promise<AlertMark[]>;
  /** The latest alerts of every kind and sensor, newest first. */
  abstract recentAlerts(limit: number): Promise<RecentAlert[]>;
}
