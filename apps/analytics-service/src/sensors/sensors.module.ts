import { type DynamicModule, Module } from '@nestjs/common';
import { RuntimeSettingsModule, ServiceMetrics } from '@kafka-commerce/platform';
import type { AnalyticsServiceConfig } from '../config/analytics-service.config';
import { AlertsController } from './api/alerts.controller';
import { SensorsController } from './api/sensors.controller';
import { SettingsController } from './api/settings.controller';
import { AccumulateReadingsHandler } from './application/accumulate-readings/accumulate-readings.handler';
import { CloseExpiredWindowsHandler } from './application/close-expired-windows/close-expired-windows.handler';
import { IngestReadingsHandler } from './application/ingest-readings/ingest-readings.handler';
import { ReadingIntake } from './application/ports/reading-intake';
import { SensorQueries } from './application/ports/sensor-queries';
import { SensorStreamObserver } from './application/ports/sensor-stream-observer';
import { WindowStore } from './application/ports/window-store';
import {
  RuntimeSensorSettings,
  sensorSettingsDefinition,
} from './application/runtime-sensor-settings';
import { SensorSettings } from './application/sensor-settings';
import { OutboxReadingIntake } from './infrastructure/outbox-reading-intake';
import { PostgresWindowStore } from './infrastructure/postgres-window-store';
import { PrismaSensorQueries } from './infrastructure/prisma-sensor-queries';
import { PrometheusSensorStreamObserver } from './infrastructure/prometheus-sensor-stream-observer';
import { WindowSweeper } from './infrastructure/window-sweeper';
import { SensorTemperatureConsumer } from './messaging/sensor-temperature.consumer';

/**
 * The sensor stream: ingest, cleaning, per-sensor windows, anomaly detection, alerts, and its
 * runtime settings (`GET`/`PATCH /settings`, admin): RuntimeSensorSettings, which every module
 * may inject and read with `current()`.
 */
@Module({})
export class SensorsModule {
  static register(config: AnalyticsServiceConfig): DynamicModule {
    // The rest of the stream's settings are live: RuntimeSensorSettings.
    const fixed = {
      sweepIntervalMs: config.SENSOR_WINDOW_SWEEP_MS,
      detector: {
        warmup: config.SENSOR_ANOMALY_WARMUP,
        stuckRun: config.SENSOR_STUCK_READINGS,
        driftThreshold: config.SENSOR_DRIFT_THRESHOLD,
      },
    };
    return {
      module: SensorsModule,
      imports: [
        RuntimeSettingsModule.forService({
          provide: RuntimeSensorSettings,
          definition: sensorSettingsDefinition(config),
          databaseUrl: config.DATABASE_URL,
        }),
      ],
      controllers: [
        SensorsController,
        AlertsController,
        SettingsController,
        SensorTemperatureConsumer,
      ],
      providers: [
        {
          // The live part is read from the runtime settings (PATCH /settings) at each use.
          provide: SensorSettings,
          useFactory: (runtime: RuntimeSensorSettings) => new SensorSettings(fixed, runtime),
          inject: [RuntimeSensorSettings],
        },
        IngestReadingsHandler,
        AccumulateReadingsHandler,
        CloseExpiredWindowsHandler,
        WindowSweeper,
        { provide: ReadingIntake, useClass: OutboxReadingIntake },
        { provide: WindowStore, useClass: PostgresWindowStore },
        { provide: SensorQueries, useClass: PrismaSensorQueries },
        {
          provide: SensorStreamObserver,
          useFactory: (metrics: ServiceMetrics) =>
            new PrometheusSensorStreamObserver(metrics.registry),
          inject: [ServiceMetrics],
        },
      ],
    };
  }
}
