import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { CatalogModule } from './catalog';
import { type OrderServiceConfig, ORDER_SERVICE } from './config/order-service.config';
import { OrderDatabase } from './database';
import { OrdersModule } from './orders';

@Module({})
export class AppModule {
  static register(config: OrderServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({ serviceName: ORDER_SERVICE, config, database: OrderDatabase }),
        CatalogModule,
        OrdersModule,
      ],
    };
  }
}
