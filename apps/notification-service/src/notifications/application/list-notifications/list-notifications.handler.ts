import { Injectable } from '@nestjs/common';
import {
  type NotificationFilter,
  NotificationReader,
  type NotificationView,
} from '../ports/notification-reader';

/** The most notifications one request returns (newest first). */
export const MAX_LISTED_NOTIFICATIONS = 200;

@Injectable()
export class ListNotificationsHandler {
  constructor(private readonly reader: NotificationReader) {}

  execute(filter: NotificationFilter): Promise<NotificationView[]> {
    return this.reader.list(filter, MAX_LISTED_NOTIFICATIONS);
  }
}
