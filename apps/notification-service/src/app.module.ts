import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import {
  type NotificationServiceConfig,
  NOTIFICATION_SERVICE,
} from './config/notification-service.config';
import { NOTIFICATION_SERVICE_CONFIG } from './config/notification-service-config.token';
import { ContactsModule } from './contacts/contacts.module';
import { NotificationDatabase } from './database';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static register(config: NotificationServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: NOTIFICATION_SERVICE,
          config,
          database: NotificationDatabase,
        }),
        NotificationsModule,
        ContactsModule,
      ],
      providers: [{ provide: NOTIFICATION_SERVICE_CONFIG, useValue: config }],
      exports: [NOTIFICATION_SERVICE_CONFIG],
      global: true,
    };
  }
}
