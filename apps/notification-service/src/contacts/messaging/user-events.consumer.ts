import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { EventConsumer } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { RecordContactHandler } from '../application/record-contact/record-contact.handler';

const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.users.name}`;

/** users topic → contact book. Parsing, retries and dead letters are the EventConsumer's. */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordContact: RecordContactHandler,
  ) {}

  @EventPattern(TOPICS.users.name)
  async onUserEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(
      context,
      { consumer: CONSUMER, accepts: [userRegisteredV1] },
      (event) =>
        this.recordContact.execute({
          consumer: CONSUMER,
          eventId: event.eventId,
          user: event.payload,
        }),
    );
  }
}
