export interface WindowView {
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly count: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
}

export interface AlertView {
  readonly id: string;
  readonly sensorId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly average: number;
  readonly threshold: number;
  readonly raisedAt: Date;
}

/** Port: read side of the sensor stream. */
export abstract class SensorQueries {
  /** A sensor's closed windows, most recently closed first. */
  abstract windowsOf(sensorId: string, limit: number): Promise<WindowView[]>;
  /** Alerts of every sensor, newest first. */
  abstract recentAlerts(limit: number): Promise<AlertView[]>;
}
