import { alertFor } from '../domain/alert-rule';
import { type DetectedAnomaly } from '../domain/detect-anomalies';
import { type ClosedWindow } from '../domain/temperature-window';
import { sensorAlertRaised, sensorAnomalyDetected } from './sensors-events';
import { type RaisedAlert, type RaisedAnomaly } from './ports/window-store';

/** The alerts these closed windows raise, each with its event, caused by the window's last reading. */
export function raiseAlerts(
  windows: readonly ClosedWindow[],
  threshold: number,
  raisedAt: Date,
): RaisedAlert[] {
  return windows.flatMap((window) => {
    const alert = alertFor(window, threshold);
    return alert ? [{ alert, event: sensorAlertRaised(alert, window, raisedAt) }] : [];
  });
}

/** Each detected anomaly with its event, caused by the reading that showed it. */
export function raiseAnomalies(
  anomalies: readonly DetectedAnomaly[],
  detectedAt: Date,
): RaisedAnomaly[] {
  return anomalies.map((anomaly) => ({
    anomaly,
    event: sensorAnomalyDetected(anomaly, detectedAt),
  }));
}
