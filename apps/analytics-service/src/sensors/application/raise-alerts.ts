import { createEvent, sensorAlertRaisedV1 } from '@kafka-commerce/events';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { alertFor } from '../domain/alert-rule';
import { type ClosedWindow } from '../domain/temperature-window';
import { type RaisedAlert } from './window-store';

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
