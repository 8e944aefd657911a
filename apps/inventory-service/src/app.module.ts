import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type InventoryServiceConfig, INVENTORY_SERVICE } from './config/inventory-service.config';
import { InventoryDatabase } from './database';
import { InventoryModule } from './inventory';

@Module({})
export class AppModule {
  static register(config: InventoryServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: INVENTORY_SERVICE,
          config,
          database: InventoryDatabase,
        }),
        InventoryModule,
      ],
    };
  }
}
