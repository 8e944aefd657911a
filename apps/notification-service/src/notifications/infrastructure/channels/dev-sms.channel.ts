import { Injectable, Logger } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';

/** Development SMS adapter: no provider, the delivery is only logged (and marked SENT). */
@Injectable()
export class DevSmsChannel {
  private readonly logger = new Logger(DevSmsChannel.name);

  send(notification: ClaimedNotification): Promise<void> {
    this.logger.log(
      { to: notification.recipient, template: notification.template, id: notification.id },
      `sms (dev adapter): ${notification.subject}`,
    );
    return Promise.resolve();
  }
}
