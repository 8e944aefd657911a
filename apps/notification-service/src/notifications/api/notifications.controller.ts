import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, Authenticated, CurrentUser } from '@kafka-commerce/auth';
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
  @Authenticated()
  @ApiOperation({
    summary: `Notifications, newest first (at most ${MAX_LISTED_NOTIFICATIONS}), optionally for one user and/or order`,
    description:
      "A customer sees only their own notifications: without a filter all of them, with orderId those about that order that are theirs (none for another customer's order), and 403 for another user's userId. " +
      "An admin sees everyone's, including operations mail (low stock, sensor alerts), which belongs to no user.",
  })
  @ApiOkResponse({ type: NotificationResponse, isArray: true })
  @ApiForbiddenResponse({ description: "A customer asked for another user's notifications" })
  async list(
    @Query() query: ListNotificationsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NotificationResponse[]> {
    const notifications = await this.listNotifications.execute({
      filter: {
        ...(query.userId === undefined ? {} : { userId: query.userId }),
        ...(query.orderId === undefined ? {} : { orderId: query.orderId }),
      },
      viewer: { userId: user.userId, isAdmin: user.role === 'admin' },
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
