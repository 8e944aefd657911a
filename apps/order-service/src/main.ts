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
