import { type Summary } from '../../projections';
import {
  type AlertKind,
  type AlertMark,
  type OrderMinuteCount,
  type RecentAlert,
  type SensorWindows,
  type WindowAverage,
} from './ports/dashboard-reader';

export const CHART_MINUTES = 60;
const MS_PER_MINUTE = 60_000;

export interface MinuteBar {
  readonly minute: Date;
  readonly created: number;
  readonly confirmed: number;
  readonly cancelled: number;
}

export interface SensorMarker {
  /** Index of the window the alert belongs to. */
  readonly index: number;
  readonly kind: AlertKind;
}

export interface SensorChart {
  readonly sensorId: string;
  readonly threshold: number;
  readonly windows: readonly WindowAverage[];
  readonly markers: readonly SensorMarker[];
}

/** Everything the page shows, already read: rendering it is a pure function. */
export interface DashboardView {
  readonly generatedAt: Date;
  readonly minutes: readonly MinuteBar[];
  readonly summary: Summary;
  readonly sensors: readonly SensorChart[];
  readonly alerts: readonly RecentAlert[];
}

/** The first minute of the chart that ends with the minute `now` is in. */
export function chartStart(now: Date): Date {
  const minute = Math.floor(now.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE;
  return new Date(minute - (CHART_MINUTES - 1) * MS_PER_MINUTE);
}

/** One bar per minute from `start`, oldest first; minutes without orders are zero. */
export function minuteBars(start: Date, counts: readonly OrderMinuteCount[]): MinuteBar[] {
  const bars = Array.from({ length: CHART_MINUTES }, (_, index) => ({
    minute: new Date(start.getTime() + index * MS_PER_MINUTE),
    created: 0,
    confirmed: 0,
    cancelled: 0,
  }));
  for (const { minute, status, count } of counts) {
    const bar = bars[Math.round((minute.getTime() - start.getTime()) / MS_PER_MINUTE)];
    if (bar) bar[status] += count;
  }
  return bars;
}

/**
 * Each sensor's chart: a threshold alert marks the window it was raised for, an anomaly the
 * window its reading fell in (or the nearest one after it, for a reading between windows).
 */
export function sensorCharts(
  sensors: readonly SensorWindows[],
  marks: readonly AlertMark[],
  threshold: number,
): SensorChart[] {
  return sensors.map(({ sensorId, windows }) => {
    const markers = new Map<string, SensorMarker>();
    const first = windows[0]?.windowStart.getTime() ?? Infinity;
    for (const mark of marks) {
      if (mark.sensorId !== sensorId || mark.at.getTime() < first) continue;
      const index = windows.findIndex((window) => mark.at.getTime() <= window.windowEnd.getTime());
      if (index >= 0) markers.set(`${mark.kind}/${index}`, { index, kind: mark.kind });
    }
    return {
      sensorId,
      threshold,
      windows,
      markers: [...markers.values()].sort((a, b) => a.index - b.index),
    };
  });
}
