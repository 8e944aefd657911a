import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { type RegisteredUser } from '../application/ports/projection-store';
import { RecordUsersHandler } from '../application/record-users/record-users.handler';

/** users topic → registered-users count. */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly recordUsers: RecordUsersHandler) {}

  @EventHandler(TOPICS.users.name, { accepts: [userRegisteredV1], batch: true })
  async onUserEvents(
    @Payload() events: EventOf<typeof userRegisteredV1>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.recordUsers.execute({
      consumer: delivery.getConsumer(),
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
