import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { RecordContactsHandler } from '../application/record-contact/record-contacts.handler';

/** users topic → contact book, a fetched batch per transaction. */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly recordContacts: RecordContactsHandler) {}

  @EventHandler(TOPICS.users.name, { accepts: [userRegisteredV1], batch: true })
  async onUserEvents(
    @Payload() events: EventOf<typeof userRegisteredV1>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.recordContacts.execute({ consumer: delivery.getConsumer(), events });
  }
}
