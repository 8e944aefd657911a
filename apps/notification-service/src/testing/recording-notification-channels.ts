import { type ClaimedNotification } from '../notifications/application/ports/delivery-queue';
import { NotificationChannels } from '../notifications/application/ports/notification-channels';

/** Channels that record what they were given; `failing` makes the next deliveries fail. */
export class RecordingNotificationChannels extends NotificationChannels {
  readonly delivered: ClaimedNotification[] = [];
  failing: Error | null = null;

  deliver(notification: ClaimedNotification): Promise<void> {
    if (this.failing) return Promise.reject(this.failing);
    this.delivered.push(notification);
    return Promise.resolve();
  }
}
