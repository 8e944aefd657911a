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
