import { type ClaimedNotification } from './delivery-queue';

/** Port: the way out — email, SMS or push, chosen by the notification's channel. */
export abstract class NotificationChannels {
  /** Resolves once the channel has accepted the message; rejects with the reason otherwise. */
  abstract deliver(notification: ClaimedNotification): Promise<void>;
}
