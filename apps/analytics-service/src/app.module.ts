import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type AnalyticsServiceConfig, ANALYTICS_SERVICE } from './config/analytics-service.config';
import { DashboardModule } from './dashboard/dashboard.module';
import { AnalyticsDatabase } from './database';
import { ProjectionsModule } from './projections/projections.module';
import { SensorsModule } from './sensors/sensors.module';
import { SettingsModule } from './settings/settings.module';

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
        DashboardModule,
        SettingsModule.register(config),
        // The rest of the sensor stream's settings are live: RuntimeSensorSettings.
        SensorsModule.register({
          sweepIntervalMs: config.SENSOR_WINDOW_SWEEP_MS,
          detector: {
            warmup: config.SENSOR_ANOMALY_WARMUP,
            stuckRun: config.SENSOR_STUCK_READINGS,
            driftThreshold: config.SENSOR_DRIFT_THRESHOLD,
          },
        }),
      ],
    };
  }
}
