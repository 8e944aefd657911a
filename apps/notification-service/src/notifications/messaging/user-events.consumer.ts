import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { TOPICS, userRegisteredV1, userUpdatedV1 } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { RecordContactsHandler } from '../application/record-contacts/record-contacts.handler';
import { contactChangeOf, type UserEvent } from './contact-change.mapper';

/**
 * users topic → contact book, a fetched batch per transaction. The topic is keyed by userId,
 * so a user's registration and profile changes arrive in the order they were made.
 */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly recordContacts: RecordContactsHandler) {}

  @EventHandler(TOPICS.users.name, { accepts: [userRegisteredV1, userUpdatedV1], batch: true })
  async onUserEvents(
    @Payload() events: UserEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.recordContacts.execute({
      consumer: delivery.getConsumer(),
      changes: events.map(contactChangeOf),
    });
  }
}
