import { type DynamicModule, Module } from '@nestjs/common';
import { AccumulateReadingsHandler } from './application/accumulate-readings/accumulate-readings.handler';
import { CloseExpiredWindowsHandler } from './application/close-expired-windows/close-expired-windows.handler';
import { IngestReadingsHandler } from './application/ingest-readings/ingest-readings.handler';
import { ReadingIntake } from './application/ingest-readings/reading-intake';
import { SensorQueries } from './application/queries/sensor-queries';
import { SensorSettings } from './application/sensor-settings';
import { WindowStore } from './application/window-store';
import { AlertsController } from './api/alerts.controller';
import { SensorsController } from './api/sensors.controller';
import { PrismaReadingIntake } from './infrastructure/prisma-reading.intake';
import { PrismaSensorQueries } from './infrastructure/prisma-sensor.queries';
import { PrismaWindowStore } from './infrastructure/prisma-window.store';
import { WindowSweeper } from './infrastructure/window-sweeper';
import { SensorTemperatureConsumer } from './messaging/sensor-temperature.consumer';

/** The sensor stream: ingest, per-sensor windows, alerts. */
@Module({})
export class SensorsModule {
  static register(settings: SensorSettings): DynamicModule {
    return {
      module: SensorsModule,
      controllers: [SensorsController, AlertsController, SensorTemperatureConsumer],
      providers: [
        { provide: SensorSettings, useValue: settings },
        IngestReadingsHandler,
        AccumulateReadingsHandler,
        CloseExpiredWindowsHandler,
        WindowSweeper,
        { provide: ReadingIntake, useClass: PrismaReadingIntake },
        { provide: WindowStore, useClass: PrismaWindowStore },
        { provide: SensorQueries, useClass: PrismaSensorQueries },
      ],
    };
  }
}
