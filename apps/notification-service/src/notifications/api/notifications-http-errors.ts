import { HttpStatus } from '@nestjs/common';
import { answer, type DomainErrorAnswer } from '@kafka-commerce/platform';
import { OtherUsersNotificationsError } from '../application/notification.errors';

/** How the notifications module's errors answer over HTTP (registered in NotificationsModule). */
export const notificationsHttpErrors: readonly DomainErrorAnswer[] = [
  answer({ error: OtherUsersNotificationsError, status: HttpStatus.FORBIDDEN }),
];
