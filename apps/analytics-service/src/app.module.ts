import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type AnalyticsServiceConfig, ANALYTICS_SERVICE } from './config/analytics-service.config';
import { AnalyticsDatabase } from './database';
import { ProjectionsModule } from './projections/projections.module';
import { SensorSettings } from './sensors/application/sensor-settings';
import { SensorsModule } from './sensors/sensors.module';

@Module({})
export class AppModule {
  static register(config: AnalyticsServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: ANALYTICS_SERVICE,
          config,
          database: AnalyticsDatabase,
        }),
        ProjectionsModule,
        SensorsModule.register(
          new SensorSettings(
            {
              maxReadings: config.SENSOR_WINDOW_MAX_READINGS,
              maxAgeMs: config.SENSOR_WINDOW_MAX_AGE_MS,
            },
            config.SENSOR_ALERT_THRESHOLD,
            config.SENSOR_WINDOW_SWEEP_MS,
          ),
        ),
      ],
    };
  }
}
