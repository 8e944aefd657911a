import { type ClosedWindow } from './temperature-window';

export interface TemperatureAlert {
  readonly sensorId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly count: number;
  readonly average: number;
  readonly threshold: number;
}

/** A closed window raises an alert when its average is strictly above the threshold. */
export function alertFor(window: ClosedWindow, threshold: number): TemperatureAlert | null {
  if (!(window.avg > threshold)) return null;
  return {
    sensorId: window.sensorId,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    count: window.count,
    average: window.avg,
    threshold,
  };
}
