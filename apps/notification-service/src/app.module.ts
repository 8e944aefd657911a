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
          logLevel: config.LOG_LEVEL,
          databaseUrl: config.DATABASE_URL,
          database: NotificationDatabase,
          kafkaBrokers: config.KAFKA_BROKERS,
        }),
        ContactsModule,
      ],
    };
  }
}
