import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { RecordContactsHandler } from '../application/record-contact/record-contacts.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.users.name}`;

/** users topic → contact book, a fetched batch per transaction. */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly recordContacts: RecordContactsHandler) {}

  @EventHandler(TOPICS.users.name, { accepts: [userRegisteredV1], batch: true })
  async onUserEvents(@Payload() events: EventOf<typeof userRegisteredV1>[]): Promise<void> {
    await this.recordContacts.execute({ consumer: CONSUMER, events });
  }
}
