import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type AnalyticsServiceConfig, ANALYTICS_SERVICE } from './config/analytics-service.config';
import { DashboardModule } from './dashboard';
import { AnalyticsDatabase } from './database';
import { ProjectionsModule } from './projections';
import { SensorsModule } from './sensors';

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
        SensorsModule.register(config),
      ],
    };
  }
}
