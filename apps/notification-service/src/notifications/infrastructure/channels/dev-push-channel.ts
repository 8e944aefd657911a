import { Injectable, Logger } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';

/** Development push adapter: no provider, the delivery is only logged (and marked SENT). */
@Injectable()
export class DevPushChannel {
  private readonly logger = new Logger(DevPushChannel.name);

  send(notification: ClaimedNotification): Promise<void> {
    this.logger.log(
      { to: notification.recipient, template: notification.template, id: notification.id },
      `push (dev adapter): ${notification.subject}`,
    );
    return Promise.resolve();
  }
}
