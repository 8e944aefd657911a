import {
  createEvent,
  type OutgoingEventOf,
  sensorAlertRaisedV1,
  sensorAnomalyDetectedV1,
  sensorTemperatureRecordedV2,
} from '@kafka-commerce/events';
import { ANALYTICS_SERVICE } from '../../config/service-name';
import { type TemperatureAlert } from '../domain/alert-rule';
import { type DetectedAnomaly } from '../domain/detect-anomalies';
import { type TemperatureUnit } from '../domain/temperature-reading';
import { type ClosedWindow } from '../domain/temperature-window';

/** A reading as a client sent it, before the stream has seen it. */
export interface ReportedReading {
  readonly sensorId: string;
  readonly temperature: number;
  /** Celsius when absent. */
  readonly unit?: TemperatureUnit | undefined;
  readonly timestamp: string;
}

/** A reading sent over HTTP, correlated by the request that carried it. */
export function sensorTemperatureRecorded(
  reading: ReportedReading,
  correlationId: string,
): OutgoingEventOf<typeof sensorTemperatureRecordedV2> {
  return createEvent(
    sensorTemperatureRecordedV2,
    {
      sensorId: reading.sensorId,
      temperature: reading.temperature,
      unit: reading.unit ?? 'C',
      timestamp: reading.timestamp,
    },
    { producer: ANALYTICS_SERVICE, correlationId },
  );
}

/** A threshold alert, caused by the last reading of the window that raised it. */
export function sensorAlertRaised(
  alert: TemperatureAlert,
  window: ClosedWindow,
  raisedAt: Date,
): OutgoingEventOf<typeof sensorAlertRaisedV1> {
  return createEvent(
    sensorAlertRaisedV1,
    {
      sensorId: alert.sensorId,
      windowStart: alert.windowStart.toISOString(),
      windowEnd: alert.windowEnd.toISOString(),
      count: alert.count,
      average: alert.average,
      threshold: alert.threshold,
      raisedAt: raisedAt.toISOString(),
    },
    {
      producer: ANALYTICS_SERVICE,
      correlationId: window.lastCorrelationId,
      causationId: window.lastEventId,
    },
    raisedAt,
  );
}

/** A detected anomaly, caused by the reading that showed it. */
export function sensorAnomalyDetected(
  anomaly: DetectedAnomaly,
  detectedAt: Date,
): OutgoingEventOf<typeof sensorAnomalyDetectedV1> {
  const { reading } = anomaly;
  return createEvent(
    sensorAnomalyDetectedV1,
    {
      sensorId: reading.sensorId,
      fault: anomaly.fault,
      readingAt: reading.timestamp.toISOString(),
      temperature: reading.temperature,
      expected: round4(anomaly.expected),
      score: round4(anomaly.score),
      detectedAt: detectedAt.toISOString(),
    },
    {
      producer: ANALYTICS_SERVICE,
      correlationId: reading.correlationId,
      causationId: reading.eventId,
    },
    detectedAt,
  );
}

/** Statistics are shown to 4 decimals: their float noise means nothing to anyone. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
