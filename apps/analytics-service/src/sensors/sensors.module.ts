import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceMetrics } from '@kafka-commerce/platform';
import { AccumulateReadingsHandler } from './application/accumulate-readings/accumulate-readings.handler';
import { CloseExpiredWindowsHandler } from './application/close-expired-windows/close-expired-windows.handler';
import { IngestReadingsHandler } from './application/ingest-readings/ingest-readings.handler';
import { ReadingIntake } from './application/ports/reading-intake';
import { SensorQueries } from './application/ports/sensor-queries';
import { type FixedSensorSettings, SensorSettings } from './application/sensor-settings';
import { SensorStreamObserver } from './application/ports/sensor-stream-observer';
import { WindowStore } from './application/ports/window-store';
import { AlertsController } from './api/alerts.controller';
import { SensorsController } from './api/sensors.controller';
import { OutboxReadingIntake } from './infrastructure/outbox-reading-intake';
import { PrismaSensorQueries } from './infrastructure/prisma-sensor-queries';
import { PostgresWindowStore } from './infrastructure/postgres-window-store';
import { PrometheusSensorStreamObserver } from './infrastructure/prometheus-sensor-stream-observer';
import { WindowSweeper } from './infrastructure/window-sweeper';
import { SensorTemperatureConsumer } from './messaging/sensor-temperature.consumer';
import { RuntimeSensorSettings } from '../settings/application/runtime-sensor-settings';

/** The sensor stream: ingest, cleaning, per-sensor windows, anomaly detection, alerts. */
@Module({})
export class SensorsModule {
  static register(fixed: FixedSensorSettings): DynamicModule {
    return {
      module: SensorsModule,
      controllers: [SensorsController, AlertsController, SensorTemperatureConsumer],
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
