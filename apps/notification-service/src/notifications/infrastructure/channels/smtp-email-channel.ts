import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { SMTP_SETTINGS, type SmtpSettings } from './smtp-settings';

/**
 * Email over SMTP (nodemailer). A small connection pool; short timeouts, because a consumer
 * waits for its new notifications to be sent and an unreachable server must not stall it
 * (what fails is retried by the background sender).
 */
@Injectable()
export class SmtpEmailChannel implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(SMTP_SETTINGS) private readonly settings: SmtpSettings) {
    this.transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      pool: true,
      maxConnections: 8,
      maxMessages: 1_000,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    });
  }

  async send(notification: ClaimedNotification): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: notification.recipient,
      subject: notification.subject,
      text: notification.body,
      // One Message-ID per notification: a copy re-sent after a crash can be recognised.
      messageId: `<${notification.id}@notifications.kafka-commerce>`,
      headers: {
        'X-Notification-Id': notification.id,
        'X-Notification-Template': notification.template,
      },
    });
  }

  /** After the consumers have stopped (their last sends done), close the pool. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
