import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import {
  type NotificationFilter,
  NotificationReader,
  type NotificationScope,
  type NotificationView,
} from '../application/ports/notification-reader';

@Injectable()
export class PrismaNotificationReader extends NotificationReader {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  list(
    filter: NotificationFilter,
    scope: NotificationScope,
    limit: number,
  ): Promise<NotificationView[]> {
    return this.db.notification.findMany({
      // Both conditions hold: a filter can narrow the scope, never widen it.
      where: {
        AND: [
          scope.kind === 'user' ? { userId: scope.userId } : {},
          filter.userId === undefined ? {} : { userId: filter.userId },
          filter.orderId === undefined ? {} : { orderId: filter.orderId },
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        channel: true,
        template: true,
        recipient: true,
        userId: true,
        orderId: true,
        status: true,
        eventId: true,
        createdAt: true,
        sentAt: true,
      },
    });
  }
}
