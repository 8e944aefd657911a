import { Injectable } from '@nestjs/common';
import { AnalyticsDatabase } from '../../database';
import {
  type AlertView,
  type AnomalyAlertView,
  SensorQueries,
  type ThresholdAlertView,
  type WindowView,
} from '../application/ports/sensor-queries';

@Injectable()
export class PrismaSensorQueries extends SensorQueries {
  constructor(private readonly db: AnalyticsDatabase) {
    super();
  }

  windowsOf(sensorId: string, limit: number): Promise<WindowView[]> {
    // A sensor's windows close one after another under its lock, so id order is close order.
    return this.db.sensorWindow.findMany({
      where: { sensorId },
      orderBy: { id: 'desc' },
      take: limit,
      select: { windowStart: true, windowEnd: true, count: true, avg: true, min: true, max: true },
    });
  }

  async recentAlerts(limit: number): Promise<AlertView[]> {
    const [thresholds, anomalies] = await Promise.all([
      this.db.sensorAlert.findMany({
        orderBy: [{ raisedAt: 'desc' }, { id: 'asc' }],
        take: limit,
        select: {
          id: true,
          sensorId: true,
          windowStart: true,
          windowEnd: true,
          average: true,
          threshold: true,
          raisedAt: true,
        },
      }),
      this.db.sensorAnomaly.findMany({
        orderBy: [{ raisedAt: 'desc' }, { id: 'asc' }],
        take: limit,
      }),
    ]);
    const alerts: AlertView[] = [
      ...thresholds.map((alert): ThresholdAlertView => ({ kind: 'threshold', ...alert })),
      ...anomalies.map((anomaly): AnomalyAlertView => ({ kind: 'anomaly', ...anomaly })),
    ];
    return alerts
      .sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
