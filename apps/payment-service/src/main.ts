// First: tracing patches http and pg as they load (a no-op unless OTEL_TRACES_EXPORTER is set).
import '@kafka-commerce/platform/tracing';
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
