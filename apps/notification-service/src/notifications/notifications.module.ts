import { domainErrorFilter } from '@kafka-commerce/platform';
import { Module } from '@nestjs/common';
import { type NotificationServiceConfig } from '../config/notification-service.config';
import { NOTIFICATION_SERVICE_CONFIG } from '../config/notification-service-config.token';
import { NotificationsController } from './api/notifications.controller';
import { notificationsHttpErrors } from './api/notifications-http-errors';
import { DeliverNotificationsHandler } from './application/deliver-notifications/deliver-notifications.handler';
import { ListNotificationsHandler } from './application/list-notifications/list-notifications.handler';
import { NotifyOnEventHandler } from './application/notify-on-event/notify-on-event.handler';
import { RecordContactsHandler } from './application/record-contacts/record-contacts.handler';
import { OPERATIONS_EMAIL } from './application/notify-on-event/operations-email';
import { ContactRepository } from './application/ports/contact-repository';
import { DeliveryQueue } from './application/ports/delivery-queue';
import { NotificationChannels } from './application/ports/notification-channels';
import { NotificationLog } from './application/ports/notification-log';
import { NotificationReader } from './application/ports/notification-reader';
import { RecipientDirectory } from './application/ports/recipient-directory';
import { ChannelRouter } from './infrastructure/channels/channel-router';
import { DevPushChannel } from './infrastructure/channels/dev-push-channel';
import { SmtpEmailChannel } from './infrastructure/channels/smtp-email-channel';
import { SMS_SETTINGS, type SmsSettings } from './infrastructure/channels/sms-settings';
import { SMTP_SETTINGS, type SmtpSettings } from './infrastructure/channels/smtp-settings';
import { TwilioSmsChannel } from './infrastructure/channels/twilio-sms-channel';
import { PendingNotificationsPoller } from './infrastructure/pending-notifications-poller';
import { PrismaContactRepository } from './infrastructure/prisma-contact-repository';
import { PrismaDeliveryQueue } from './infrastructure/prisma-delivery-queue';
import { SqlNotificationLog } from './infrastructure/sql-notification-log';
import { PrismaNotificationReader } from './infrastructure/prisma-notification-reader';
import { PrismaRecipientDirectory } from './infrastructure/prisma-recipient-directory';
import { OrderEventsConsumer } from './messaging/order-events.consumer';
import { PaymentEventsConsumer } from './messaging/payment-events.consumer';
import { ProductEventsConsumer } from './messaging/product-events.consumer';
import { SensorAlertConsumer } from './messaging/sensor-alert.consumer';
import { UserEventsConsumer } from './messaging/user-events.consumer';

@Module({
  controllers: [
    NotificationsController,
    OrderEventsConsumer,
    PaymentEventsConsumer,
    ProductEventsConsumer,
    SensorAlertConsumer,
    UserEventsConsumer,
  ],
  providers: [
    domainErrorFilter(notificationsHttpErrors),
    NotifyOnEventHandler,
    DeliverNotificationsHandler,
    ListNotificationsHandler,
    RecordContactsHandler,
    PendingNotificationsPoller,
    SmtpEmailChannel,
    TwilioSmsChannel,
    DevPushChannel,
    { provide: NotificationChannels, useClass: ChannelRouter },
    { provide: NotificationLog, useClass: SqlNotificationLog },
    { provide: DeliveryQueue, useClass: PrismaDeliveryQueue },
    { provide: NotificationReader, useClass: PrismaNotificationReader },
    { provide: RecipientDirectory, useClass: PrismaRecipientDirectory },
    { provide: ContactRepository, useClass: PrismaContactRepository },
    {
      provide: OPERATIONS_EMAIL,
      useFactory: (config: NotificationServiceConfig) => config.OPERATIONS_EMAIL,
      inject: [NOTIFICATION_SERVICE_CONFIG],
    },
    {
      provide: SMTP_SETTINGS,
      useFactory: (config: NotificationServiceConfig): SmtpSettings => ({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        ...(config.SMTP_USER === undefined ? {} : { user: config.SMTP_USER }),
        ...(config.SMTP_PASSWORD === undefined ? {} : { password: config.SMTP_PASSWORD }),
        from: config.SMTP_FROM,
      }),
      inject: [NOTIFICATION_SERVICE_CONFIG],
    },
    {
      provide: SMS_SETTINGS,
      useFactory: (config: NotificationServiceConfig): SmsSettings => ({
        apiUrl: config.SMS_API_URL,
        accountSid: config.SMS_ACCOUNT_SID,
        authToken: config.SMS_AUTH_TOKEN,
        from: config.SMS_FROM,
      }),
      inject: [NOTIFICATION_SERVICE_CONFIG],
    },
  ],
})
export class NotificationsModule {}
