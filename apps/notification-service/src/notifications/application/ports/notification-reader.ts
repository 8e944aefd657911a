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

/** Port: reading sent and pending notifications. */
export abstract class NotificationReader {
  /** Newest first. */
  abstract list(filter: NotificationFilter, limit: number): Promise<NotificationView[]>;
}
