import { HttpStatus } from '@nestjs/common';
import { answer, domainErrorFilter } from '@kafka-commerce/platform';
import { OtherUsersNotificationsError } from '../application/notification.errors';

/** How the notifications module's errors answer over HTTP (registered in NotificationsModule). */
export const notificationsHttpErrors = domainErrorFilter([
  answer({ error: OtherUsersNotificationsError, status: HttpStatus.FORBIDDEN }),
]);
