import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListNotificationsHandler,
  MAX_LISTED_NOTIFICATIONS,
} from '../application/list-notifications/list-notifications.handler';
import { type NotificationView } from '../application/ports/notification-reader';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationResponse } from './notification.response';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly listNotifications: ListNotificationsHandler) {}

  @Get()
  @ApiOperation({
    summary: `Notifications, newest first (at most ${MAX_LISTED_NOTIFICATIONS}), optionally for one user and/or order`,
  })
  @ApiOkResponse({ type: NotificationResponse, isArray: true })
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationResponse[]> {
    const notifications = await this.listNotifications.execute({
      ...(query.userId === undefined ? {} : { userId: query.userId }),
      ...(query.orderId === undefined ? {} : { orderId: query.orderId }),
    });
    return notifications.map(toResponse);
  }
}

function toResponse(notification: NotificationView): NotificationResponse {
  return {
    id: notification.id,
    channel: notification.channel,
    template: notification.template,
    recipient: notification.recipient,
    status: notification.status,
    eventId: notification.eventId,
    userId: notification.userId,
    orderId: notification.orderId,
    createdAt: notification.createdAt.toISOString(),
    sentAt: notification.sentAt?.toISOString() ?? null,
  };
}
