import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type OrderServiceConfig, ORDER_SERVICE } from './config/order-service.config';
import { OrderDatabase } from './database';

@Module({})
export class AppModule {
  static register(config: OrderServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: ORDER_SERVICE,
          logLevel: config.LOG_LEVEL,
          databaseUrl: config.DATABASE_URL,
          database: OrderDatabase,
          kafkaBrokers: config.KAFKA_BROKERS,
        }),
      ],
    };
  }
}
