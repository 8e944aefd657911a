import { Injectable } from '@nestjs/common';
import { AnalyticsDatabase } from '../../database';
import {
  type AlertView,
  SensorQueries,
  type WindowView,
} from '../application/queries/sensor-queries';

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

  recentAlerts(limit: number): Promise<AlertView[]> {
    return this.db.sensorAlert.findMany({
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
    });
  }
}
