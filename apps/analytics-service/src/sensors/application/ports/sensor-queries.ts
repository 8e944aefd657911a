import { type SensorFault } from '../../domain/anomaly-detector';

export interface WindowView {
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly count: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
}

/** A closed window whose average was above the threshold. */
export interface ThresholdAlertView {
  readonly kind: 'threshold';
  readonly id: string;
  readonly sensorId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly average: number;
  readonly threshold: number;
  readonly raisedAt: Date;
}

/** A reading the anomaly detector flagged. */
export interface AnomalyAlertView {
  readonly kind: 'anomaly';
  readonly id: string;
  readonly sensorId: string;
  readonly fault: SensorFault;
  readonly readingAt: Date;
  readonly temperature: number;
  readonly expected: number;
  readonly score: number;
  readonly raisedAt: Date;
}

export type AlertView = ThresholdAlertView | AnomalyAlertView;

/** Port: read side of the sensor stream. */
export abstract class SensorQueries {
  /** A sensor's closed windows, most recently closed first. */
  abstract windowsOf(sensorId: string, limit: number): Promise<WindowView[]>;
  /** Alerts of every kind and sensor, newest first. */
  abstract recentAlerts(limit: number): Promise<AlertView[]>;
}
