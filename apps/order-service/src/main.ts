// First: tracing patches http and pg as they load (a no-op unless OTEL_TRACES_EXPORTER is set).
import '@kafka-commerce/platform/tracing';
import 'reflect-metadata';
import { bootstrapService, runService } from '@kafka-commerce/platform';
import { AppModule } from './app.module';
import { loadOrderServiceConfig, ORDER_SERVICE } from './config/order-service.config';

runService(async () => {
  const config = loadOrderServiceConfig(process.env);
  await bootstrapService(AppModule.register(config), {
    serviceName: ORDER_SERVICE,
    port: config.PORT,
  });
});
