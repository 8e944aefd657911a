import { type TemperatureReading } from './temperature-reading';
import { type WindowPolicy } from './window-policy';

/** A sensor's window still collecting readings. */
export interface OpenWindow {
  readonly sensorId: string;
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** Earliest reading timestamp in the window (device clock). */
  readonly windowStart: Date;
  /** Latest reading timestamp in the window (device clock). */
  readonly windowEnd: Date;
  /** When its first reading arrived (processing clock): the age limit counts from here. */
  readonly openedAt: Date;
  readonly lastEventId: string;
  readonly lastCorrelationId: string;
}

export type CloseReason = 'COUNT' | 'AGE';

export interface ClosedWindow {
  readonly sensorId: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly count: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
  readonly closedAt: Date;
  readonly closedBy: CloseReason;
  readonly lastEventId: string;
  readonly lastCorrelationId: string;
}

/** Decimal places an average keeps: far below any sensor's precision, above float noise. */
const AVERAGE_DECIMALS = 6;

export function startWindow(reading: TemperatureReading, arrivedAt: Date): OpenWindow {
  return {
    sensorId: reading.sensorId,
    count: 1,
    sum: reading.temperature,
    min: reading.temperature,
    max: reading.temperature,
    windowStart: reading.timestamp,
    windowEnd: reading.timestamp,
    openedAt: arrivedAt,
    lastEventId: reading.eventId,
    lastCorrelationId: reading.correlationId,
  };
}

export function extendWindow(window: OpenWindow, reading: TemperatureReading): OpenWindow {
  return {
    ...window,
    count: window.count + 1,
    sum: window.sum + reading.temperature,
    min: Math.min(window.min, reading.temperature),
    max: Math.max(window.max, reading.temperature),
    windowStart: earlier(window.windowStart, reading.timestamp),
    windowEnd: later(window.windowEnd, reading.timestamp),
    lastEventId: reading.eventId,
    lastCorrelationId: reading.correlationId,
  };
}

export function isExpired(window: OpenWindow, now: Date, policy: WindowPolicy): boolean {
  return now.getTime() - window.openedAt.getTime() >= policy.maxAgeMs;
}

export function closeWindow(
  window: OpenWindow,
  closedAt: Date,
  closedBy: CloseReason,
): ClosedWindow {
  return {
    sensorId: window.sensorId,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    count: window.count,
    avg: roundAverage(window.sum / window.count),
    min: window.min,
    max: window.max,
    closedAt,
    closedBy,
    lastEventId: window.lastEventId,
    lastCorrelationId: window.lastCorrelationId,
  };
}

/** An average as windows keep it, rounded to AVERAGE_DECIMALS. */
export function roundAverage(value: number): number {
  const factor = 10 ** AVERAGE_DECIMALS;
  return Math.round(value * factor) / factor;
}

function earlier(a: Date, b: Date): Date {
  return b.getTime() < a.getTime() ? b : a;
}

function later(a: Date, b: Date): Date {
  return b.getTime() > a.getTime() ? b : a;
}
