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
        ServiceCoreModule.forRoot({ serviceName: ORDER_SERVICE, config, database: OrderDatabase }),
      ],
    };
  }
}
