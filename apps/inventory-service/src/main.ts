import 'reflect-metadata';
import { bootstrapService, runService } from '@kafka-commerce/platform';
import { AppModule } from './app.module';
import { loadInventoryServiceConfig, INVENTORY_SERVICE } from './config/inventory-service.config';

runService(async () => {
  const config = loadInventoryServiceConfig(process.env);
  await bootstrapService(AppModule.register(config), {
    serviceName: INVENTORY_SERVICE,
    port: config.PORT,
  });
});
