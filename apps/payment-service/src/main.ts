import 'reflect-metadata';
import { bootstrapService, runService } from '@kafka-commerce/platform';
import { AppModule } from './app.module';
import { loadPaymentServiceConfig, PAYMENT_SERVICE } from './config/payment-service.config';

runService(async () => {
  const config = loadPaymentServiceConfig(process.env);
  await bootstrapService(AppModule.register(config), {
    serviceName: PAYMENT_SERVICE,
    port: config.PORT,
  });
});
