import { Injectable } from '@nestjs/common';
import { GetSummaryHandler } from '../../../projections';
import { RuntimeSensorSettings } from '../../../sensors';
import { DashboardReader } from '../ports/dashboard-reader';
import { chartStart, type DashboardView, minuteBars, sensorCharts } from '../dashboard-view';

export const DASHBOARD_SENSORS = 6;
export const WINDOWS_PER_SENSOR = 20;
export const DASHBOARD_ALERTS = 20;

/** Reads what the dashboard shows: the summary (its own handler) and seven bounded queries. */
@Injectable()
export class GetDashboardHandler {
  constructor(
    private readonly summary: GetSummaryHandler,
    private readonly reader: DashboardReader,
    private readonly settings: RuntimeSensorSettings,
  ) {}

  async execute(now: Date = new Date()): Promise<DashboardView> {
    const start = chartStart(now);
    const [summary, counts, sensors, alerts] = await Promise.all([
      this.summary.execute(),
      this.reader.orderMinutes(start),
      this.reader.recentWindows(DASHBOARD_SENSORS, WINDOWS_PER_SENSOR),
      this.reader.recentAlerts(DASHBOARD_ALERTS),
    ]);
    const earliest = Math.min(
      ...sensors.flatMap((sensor) => sensor.windows.map((window) => window.windowStart.getTime())),
    );
    const marks =
      sensors.length === 0
        ? []
        : await this.reader.alertMarks(
            sensors.map((sensor) => sensor.sensorId),
            new Date(earliest),
          );
    return {
      generatedAt: now,
      minutes: minuteBars(start, counts),
      summary,
      sensors: sensorCharts(sensors, marks, this.settings.current().alertThreshold),
      alerts,
    };
  }
}
