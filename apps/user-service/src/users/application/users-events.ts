import {
  createEvent,
  type OutgoingEvent,
  userRegisteredV1,
  userUpdatedV1,
} from '@kafka-commerce/events';
import { USER_SERVICE } from '../../config/user-service.config';
import { type User } from '../domain/user';

// Every event of a user is correlated by the request that caused it; none has a cause
// among consumed events (user-service consumes none).
function origin(correlationId: string) {
  return { producer: USER_SERVICE, correlationId };
}

export function userRegistered(user: User, correlationId: string): OutgoingEvent {
  return createEvent(
    userRegisteredV1,
    {
      userId: user.id,
      email: user.email,
      username: user.username,
      ...(user.phone === null ? {} : { phone: user.phone }),
      source: user.source,
      registeredAt: user.createdAt.toISOString(),
    },
    origin(correlationId),
  );
}

/** The whole profile as it now is, so consumers store it rather than merge a patch. */
export function userUpdated(user: User, correlationId: string, updatedAt: Date): OutgoingEvent {
  return createEvent(
    userUpdatedV1,
    {
      userId: user.id,
      username: user.username,
      ...(user.phone === null ? {} : { phone: user.phone }),
      notificationChannels: [...user.notificationChannels],
      revision: user.profileRevision,
      updatedAt: updatedAt.toISOString(),
    },
    origin(correlationId),
  );
}
