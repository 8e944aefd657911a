import { type DynamicModule, Module } from '@nestjs/common';
import { RuntimeSettingsModule } from '@kafka-commerce/platform';
import { type AnalyticsServiceConfig } from '../config/analytics-service.config';
import { SettingsController } from './api/settings.controller';
import {
  RuntimeSensorSettings,
  sensorSettingsDefinition,
} from './application/runtime-sensor-settings';

/**
 * Runtime settings of the sensor stream: `GET`/`PATCH /settings` (admin) and
 * RuntimeSensorSettings, which every module may inject and read with `current()`.
 */
@Module({})
export class SettingsModule {
  static register(config: AnalyticsServiceConfig): DynamicModule {
    return {
      module: SettingsModule,
      imports: [
        RuntimeSettingsModule.forService({
          provide: RuntimeSensorSettings,
          definition: sensorSettingsDefinition(config),
          databaseUrl: config.DATABASE_URL,
        }),
      ],
      controllers: [SettingsController],
    };
  }
}
