import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { type RegisteredUser } from '../application/projection-store';
import { RecordUsersHandler } from '../application/record-users/record-users.handler';

/** Also the inbox's consumer name: it must never change, or events would be counted again. */
const CONSUMER = `${ANALYTICS_SERVICE}.${TOPICS.users.name}`;

/** users topic → registered-users count. */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly recordUsers: RecordUsersHandler) {}

  @EventHandler(TOPICS.users.name, { accepts: [userRegisteredV1], batch: true })
  async onUserEvents(@Payload() events: EventOf<typeof userRegisteredV1>[]): Promise<void> {
    await this.recordUsers.execute({
      consumer: CONSUMER,
      users: events.map((event) => ({ eventId: event.eventId, fact: toUser(event) })),
    });
  }
}

// user.registered is the topic's only event type; a new one would need its own mapping here.
function toUser({ payload }: EventOf<typeof userRegisteredV1>): RegisteredUser {
  return {
    userId: payload.userId,
    source: payload.source,
    registeredAt: new Date(payload.registeredAt),
  };
}
