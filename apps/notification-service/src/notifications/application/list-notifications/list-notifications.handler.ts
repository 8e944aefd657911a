import { Injectable } from '@nestjs/common';
import {
  type NotificationFilter,
  NotificationReader,
  type NotificationScope,
  type NotificationView,
} from '../ports/notification-reader';
import { OtherUsersNotificationsError } from '../notification.errors';

/** The most notifications one request returns (newest first). */
export const MAX_LISTED_NOTIFICATIONS = 200;

/** Who is looking: a customer sees their own notifications, an admin everyone's. */
export interface Viewer {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export interface ListNotifications {
  readonly filter: NotificationFilter;
  readonly viewer: Viewer;
}

@Injectable()
export class ListNotificationsHandler {
  constructor(private readonly reader: NotificationReader) {}

  /**
   * A customer's read is scoped to their own notifications (so never operations mail); one
   * asking for another user's is refused rather than answered with an empty list.
   */
  execute({ filter, viewer }: ListNotifications): Promise<NotificationView[]> {
    if (!viewer.isAdmin && filter.userId !== undefined && filter.userId !== viewer.userId) {
      return Promise.reject(new OtherUsersNotificationsError(filter.userId));
    }
    const scope: NotificationScope = viewer.isAdmin
      ? { kind: 'everyone' }
      : { kind: 'user', userId: viewer.userId };
    return this.reader.list(filter, scope, MAX_LISTED_NOTIFICATIONS);
  }
}
