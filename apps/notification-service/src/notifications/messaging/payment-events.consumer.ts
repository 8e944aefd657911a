import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentProcessedV1, paymentRefundedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type PaymentEvent, reportedFacts } from './notifiable-fact.mapper';

/** payments topic, a fetched batch per statement: succeeded / failed / refunded mail. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  @EventHandler(TOPICS.payments.name, {
    accepts: [paymentProcessedV1, paymentRefundedV1],
    batch: true,
  })
  async onPaymentEvents(
    @Payload() events: PaymentEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.notify.execute({ consumer: delivery.getConsumer(), facts: reportedFacts(events) });
  }
}
