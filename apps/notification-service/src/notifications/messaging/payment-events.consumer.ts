import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { paymentProcessedV1, paymentRefundedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type PaymentEvent } from '../domain/notifiable-event';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.payments.name}`;

/** payments topic: succeeded / failed / refunded mail to the order's customer. */
@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  @EventHandler(TOPICS.payments.name, { accepts: [paymentProcessedV1, paymentRefundedV1] })
  async onPaymentEvent(@Payload() event: PaymentEvent): Promise<void> {
    switch (event.type) {
      case 'payment.processed':
      case 'payment.refunded':
        await this.notify.execute({ consumer: CONSUMER, event });
        return;
    }
  }
}
