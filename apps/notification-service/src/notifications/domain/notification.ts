export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Wire names of the messages we send; stored with every notification, so never rename one. */
export const NOTIFICATION_TEMPLATES = [
  'welcome',
  'order-confirmed',
  'order-cancelled',
  'payment-succeeded',
  'payment-failed',
  'payment-refunded',
  'low-stock',
  'sensor-alert',
  'sensor-anomaly',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** A rendered message: plain-text subject and body. */
export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
}

/** A notification an event calls for, before it is stored (and later sent). */
export interface NotificationDraft extends RenderedMessage {
  readonly channel: NotificationChannel;
  readonly template: NotificationTemplate;
  /** Email address, phone number or user id, depending on the channel. */
  readonly recipient: string;
  readonly userId: string | null;
  readonly orderId: string | null;
  /**
   * The business fact it announces, e.g. `order-confirmed:<orderId>`: one notification per
   * fact and channel, whichever event — or copy of an event under a fresh id — announced it.
   * Every planned notification has one; without it, the causing event is the only key.
   */
  readonly factKey?: string;
}

/** The channels a customer can choose for their own notifications (wire names, stored). */
export const CUSTOMER_CHANNELS = ['email', 'sms'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** A customer we can write to: the contact book's entry for a user. */
export interface Customer {
  readonly userId: string;
  readonly email: string;
  readonly username: string;
  /** E.164 when "sms" is among the channels (user-service checks it). */
  readonly phone: string | null;
  /** What the customer chose (user.updated); email only until they choose. */
  readonly channels: readonly CustomerChannel[];
}
