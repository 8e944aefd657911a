import { randomUUID } from 'node:crypto';
import {
  SensorStreamObserver,
  type StreamOutcome,
} from '../sensors/application/ports/sensor-stream-observer';
import { type IncomingReading, type TemperatureUnit } from '../sensors/domain/temperature-reading';

// Test data for the sensor stream's specs: readings as the consumer hands them over.

/** `values.length` readings of one sensor in `unit`, one millisecond apart from `start`. */
export function incoming(
  sensorId: string,
  values: readonly number[],
  start = Date.parse('2026-11-26T10:00:00.000Z'),
  unit: TemperatureUnit = 'C',
): IncomingReading[] {
  return values.map((value, index) => ({
    sensorId,
    value,
    unit,
    timestamp: new Date(start + index),
    eventId: randomUUID(),
    correlationId: `reading-${sensorId}-${index}`,
  }));
}

/** The same readings under new event ids: a producer's retry, not a redelivery. */
export function resent(readings: readonly IncomingReading[]): IncomingReading[] {
  return readings.map((reading) => ({ ...reading, eventId: randomUUID() }));
}

/** Keeps every committed batch's outcome. */
export class RecordingStreamObserver extends SensorStreamObserver {
  readonly outcomes: StreamOutcome[] = [];

  batchCommitted(outcome: StreamOutcome): void {
    this.outcomes.push(outcome);
  }

  total(field: 'duplicates' | 'lateWindowUpdates' | 'lateDropped'): number {
    return this.outcomes.reduce((sum, outcome) => sum + outcome[field], 0);
  }
}
