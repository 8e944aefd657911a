// First: tracing patches http and pg as they load (a no-op unless OTEL_TRACES_EXPORTER is set).
import '@kafka-commerce/platform/tracing';
import 'reflect-metadata';
import { bootstrapService, runService } from '@kafka-commerce/platform';
import { AppModule } from './app.module';
import {
  loadNotificationServiceConfig,
  NOTIFICATION_SERVICE,
} from './config/notification-service.config';

runService(async () => {
  const config = loadNotificationServiceConfig(process.env);
  await bootstrapService(AppModule.register(config), {
    serviceName: NOTIFICATION_SERVICE,
    port: config.PORT,
  });
});
