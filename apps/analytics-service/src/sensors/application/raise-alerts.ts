import { createEvent, sensorAlertRaisedV1, sensorAnomalyDetectedV1 } from '@kafka-commerce/events';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { alertFor } from '../domain/alert-rule';
import { type DetectedAnomaly } from '../domain/detect-anomalies';
import { type ClosedWindow } from '../domain/temperature-window';
import { type RaisedAlert, type RaisedAnomaly } from './window-store';

/** The alerts these closed windows raise, each with its event, caused by the window's last reading. */
export function raiseAlerts(
  windows: readonly ClosedWindow[],
  threshold: number,
  raisedAt: Date,
): RaisedAlert[] {
  return windows.flatMap((window) => {
    const alert = alertFor(window, threshold);
    if (!alert) return [];
    const event = createEvent(
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
    return [{ alert, event }];
  });
}

/** Each detected anomaly with its event, caused by the reading that showed it. */
export function raiseAnomalies(
  anomalies: readonly DetectedAnomaly[],
  detectedAt: Date,
): RaisedAnomaly[] {
  return anomalies.map((anomaly) => {
    const { reading } = anomaly;
    const event = createEvent(
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
    return { anomaly, event };
  });
}

/** Statistics are shown to 4 decimals: their float noise means nothing to anyone. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
