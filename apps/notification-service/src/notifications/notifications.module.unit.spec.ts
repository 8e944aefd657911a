import { generateKeyPairSync } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule } from '@kafka-commerce/auth';
import { Inbox } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { loadNotificationServiceConfig } from '../config/notification-service.config';
import { NOTIFICATION_SERVICE_CONFIG } from '../config/notification-service-config.token';
import { NotificationDatabase } from '../database';
import { NotifyOnEventHandler } from './application/notify-on-event/notify-on-event.handler';
import { OPERATIONS_EMAIL } from './application/notify-on-event/operations-email';
import { RecordContactsHandler } from './application/record-contacts/record-contacts.handler';
import { NotificationChannels } from './application/ports/notification-channels';
import { ChannelRouter } from './infrastructure/channels/channel-router';
import { SMS_SETTINGS } from './infrastructure/channels/sms-settings';
import { SMTP_SETTINGS } from './infrastructure/channels/smtp-settings';
import { NotificationsModule } from './notifications.module';

// A real key: AuthModule parses it when the module is created.
const PUBLIC_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

/** What ServiceCoreModule and AppModule provide in the running service. */
@Global()
@Module({
  imports: [AuthModule.forRoot({ publicKey: PUBLIC_KEY })],
  providers: [
    {
      provide: NOTIFICATION_SERVICE_CONFIG,
      useValue: loadNotificationServiceConfig({
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused',
        JWT_PUBLIC_KEY: PUBLIC_KEY,
        SMTP_PORT: '2525',
        SMS_API_URL: 'https://api.twilio.com',
        SMS_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        SMS_AUTH_TOKEN: 'token',
        SMS_FROM: '+15017122661',
        OPERATIONS_EMAIL: 'ops@example.com',
      }),
    },
    { provide: NotificationDatabase, useValue: {} },
    { provide: DatabasePool, useValue: {} },
    { provide: Inbox, useValue: {} },
  ],
  exports: [NOTIFICATION_SERVICE_CONFIG, NotificationDatabase, DatabasePool, Inbox],
})
class PlatformStubModule {}

describe('NotificationsModule wiring', () => {
  it('resolves every consumer, handler and adapter from the service configuration', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformStubModule, NotificationsModule],
    }).compile();

    expect(moduleRef.get(NotifyOnEventHandler)).toBeInstanceOf(NotifyOnEventHandler);
    expect(moduleRef.get(RecordContactsHandler)).toBeInstanceOf(RecordContactsHandler);
    expect(moduleRef.get(NotificationChannels)).toBeInstanceOf(ChannelRouter);
    expect(moduleRef.get(OPERATIONS_EMAIL)).toBe('ops@example.com');
    expect(moduleRef.get(SMTP_SETTINGS)).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      from: 'kafka-commerce <no-reply@kafka-commerce.local>',
    });
    expect(moduleRef.get(SMS_SETTINGS)).toEqual({
      apiUrl: 'https://api.twilio.com',
      accountSid: 'AC0123456789abcdef0123456789abcdef',
      authToken: 'token',
      from: '+15017122661',
    });
    await moduleRef.close();
  });
});
