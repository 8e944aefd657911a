import { type ClaimedNotification } from './delivery-queue';

/** Port: the way out — email, SMS or push, chosen by the notification's channel. */
export abstract class NotificationChannels {
  /**
   * Resolves once the channel has accepted the message; rejects with the reason otherwise:
   * a PermanentDeliveryError when trying again cannot help, any other error when it may.
   */
  abstract deliver(notification: ClaimedNotification): Promise<void>;
}

/**
 * The provider refused this message for good (e.g. an invalid phone number): the
 * notification is recorded FAILED with the reason and not retried.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
