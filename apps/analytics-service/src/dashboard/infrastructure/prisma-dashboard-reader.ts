import { Injectable } from '@nestjs/common';
import { AnalyticsDatabase } from '../../database';
import {
  type AlertMark,
  DashboardReader,
  type OrderMinuteCount,
  type RecentAlert,
  type SensorWindows,
  type WindowAverage,
} from '../application/ports/dashboard-reader';

// Read-only SQL over the projections' and the sensor stream's tables (the sensors module owns
// those; this reads them as stored). Each query walks an index and is bounded by a LIMIT.
// Alert kinds are where the rows live: threshold alerts in sensor_alerts, anomalies in
// sensor_anomalies (as GET /alerts reads them).

/** The sensors of the latest windows are looked for among this many latest windows. */
const LATEST_WINDOWS_SCANNED = 2000;
const MAX_MARKS = 1000;

interface WindowRow extends WindowAverage {
  readonly sensorId: string;
}

@Injectable()
export class PrismaDashboardReader extends DashboardReader {
  constructor(private readonly db: AnalyticsDatabase) {
    super();
  }

  orderMinutes(since: Date): Promise<OrderMinuteCount[]> {
    return this.db.$queryRaw<OrderMinuteCount[]>`
      SELECT minute, status, count::int AS count
      FROM order_minutes WHERE minute >= ${since}
      ORDER BY minute, status`;
  }

  async recentWindows(sensors: number, windows: number): Promise<SensorWindows[]> {
    const rows = await this.db.$queryRaw<WindowRow[]>`
      WITH latest AS (
        SELECT sensor_id, max(id) AS last_id
        FROM (SELECT sensor_id, id FROM sensor_windows
              ORDER BY id DESC LIMIT ${LATEST_WINDOWS_SCANNED}) recent
        GROUP BY sensor_id ORDER BY last_id DESC LIMIT ${sensors}
      )
      SELECT l.sensor_id AS "sensorId", w.window_start AS "windowStart",
        w.window_end AS "windowEnd", w.avg
      FROM latest l CROSS JOIN LATERAL (
        SELECT id, window_start, window_end, avg FROM sensor_windows
        WHERE sensor_id = l.sensor_id ORDER BY id DESC LIMIT ${windows}
      ) w
      ORDER BY l.last_id DESC, w.id`;
    const bySensor = new Map<string, WindowAverage[]>();
    for (const { sensorId, windowStart, windowEnd, avg } of rows) {
      const list = bySensor.get(sensorId) ?? [];
      list.push({ windowStart, windowEnd, avg });
      bySensor.set(sensorId, list);
    }
    return [...bySensor].map(([sensorId, list]) => ({ sensorId, windows: list }));
  }

  alertMarks(sensorIds: readonly string[], since: Date): Promise<AlertMark[]> {
    const ids = [...sensorIds];
    return this.db.$queryRaw<AlertMark[]>`
      (SELECT sensor_id AS "sensorId", 'threshold' AS kind, window_end AS at
       FROM sensor_alerts WHERE raised_at >= ${since} AND sensor_id = ANY(${ids})
       ORDER BY raised_at DESC LIMIT ${MAX_MARKS})
      UNION ALL
      (SELECT sensor_id, 'anomaly', reading_at
       FROM sensor_anomalies WHERE raised_at >= ${since} AND sensor_id = ANY(${ids})
       ORDER BY raised_at DESC LIMIT ${MAX_MARKS})`;
  }

  recentAlerts(limit: number): Promise<RecentAlert[]> {
    return this.db.$queryRaw<RecentAlert[]>`
      (SELECT id::text, sensor_id AS "sensorId", 'threshold' AS kind, average AS value,
         threshold AS reference, NULL::text AS fault, raised_at AS "raisedAt"
       FROM sensor_alerts ORDER BY raised_at DESC LIMIT ${limit})
      UNION ALL
      (SELECT id::text, sensor_id, 'anomaly', temperature, expected, fault::text, raised_at
       FROM sensor_anomalies ORDER BY raised_at DESC LIMIT ${limit})
      ORDER BY "raisedAt" DESC, id LIMIT ${limit}`;
  }
}
