// First: tracing patches http and pg as they load (a no-op unless OTEL_TRACES_EXPORTER is set).
import '@kafka-commerce/platform/tracing';
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
