import { type NotificationChannel, type NotificationStatus } from '../../domain/notification';

export interface NotificationFilter {
  readonly userId?: string;
  readonly orderId?: string;
}

export interface NotificationView {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly template: string;
  readonly recipient: string;
  readonly userId: string | null;
  readonly orderId: string | null;
  readonly status: NotificationStatus;
  readonly eventId: string;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/**
 * Whose notifications a read may return: everyone's (operations mail, which belongs to no
 * user, included) or only those of one user. Every read names one, so none can forget it.
 */
export type NotificationScope =
  { readonly kind: 'everyone' } | { readonly kind: 'user'; readonly userId: string };

/** Port: reading sent and pending notifications. */
export abstract class NotificationReader {
  /** Newest first: those in scope that match the filter. */
  abstract list(
    filter: NotificationFilter,
    scope: NotificationScope,
    limit: number,
  ): Promise<NotificationView[]>;
}
