import { Injectable } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { NotificationChannels } from '../../application/ports/notification-channels';
import { DevPushChannel } from './dev-push-channel';
import { SmtpEmailChannel } from './smtp-email-channel';
import { TwilioSmsChannel } from './twilio-sms-channel';

/** Sends each notification through the adapter of its channel. */
@Injectable()
export class ChannelRouter extends NotificationChannels {
  constructor(
    private readonly email: SmtpEmailChannel,
    private readonly sms: TwilioSmsChannel,
    private readonly push: DevPushChannel,
  ) {
    super();
  }

  deliver(notification: ClaimedNotification): Promise<void> {
    switch (notification.channel) {
      case 'email':
        return this.email.send(notification);
      case 'sms':
        return this.sms.send(notification);
      case 'push':
        return this.push.send(notification);
    }
  }
}
