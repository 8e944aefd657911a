import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentProcessedV1, paymentRefundedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type PaymentEvent } from '../domain/notifiable-event';

/** payments topic: succeeded / failed / refunded mail to the order's customer. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  @EventHandler(TOPICS.payments.name, { accepts: [paymentProcessedV1, paymentRefundedV1] })
  async onPaymentEvent(
    @Payload() event: PaymentEvent,
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    switch (event.type) {
      case 'payment.processed':
      case 'payment.refunded':
        await this.notify.execute({ consumer: delivery.getConsumer(), event });
        return;
    }
  }
}
