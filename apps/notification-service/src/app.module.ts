import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import {
  type NotificationServiceConfig,
  NOTIFICATION_SERVICE,
} from './config/notification-service.config';
import { NOTIFICATION_SERVICE_CONFIG } from './config/notification-service-config.token';
import { NotificationDatabase } from './database';
import { NotificationsModule } from './notifications';

/**
 * An email needs facts from other topics (the customer's contact from `users`, the order's
 * owner from `orders`), and a consumer that restarts or is taken over lags the others by a
 * group session (10 s) or more. Messaging's default (five attempts, about a second and a half)
 * dead-lettered such emails (RecipientNotKnownYetError, seen by `pnpm test:faults` after
 * kill -9 and takeovers); a minute of retries covers a rejoin. The wait holds back that
 * event's key and its partition's next fetch (other partitions go on) and keeps heartbeating.
 */
const NOTIFICATION_RETRY_POLICY = { maxAttempts: 30, maxRetryMs: 60_000, maxDelayMs: 5_000 };

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
          retryPolicy: NOTIFICATION_RETRY_POLICY,
        }),
        NotificationsModule,
      ],
      providers: [{ provide: NOTIFICATION_SERVICE_CONFIG, useValue: config }],
      exports: [NOTIFICATION_SERVICE_CONFIG],
      global: true,
    };
  }
}
