import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type AnalyticsServiceConfig, ANALYTICS_SERVICE } from './config/analytics-service.config';
import { AnalyticsDatabase } from './database';

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
      ],
    };
  }
}
