import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import {
  type NotificationServiceConfig,
  NOTIFICATION_SERVICE,
} from './config/notification-service.config';
import { ContactsModule } from './contacts/contacts.module';
import { NotificationDatabase } from './database';

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
        ContactsModule,
      ],
    };
  }
}
