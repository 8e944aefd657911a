import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { sensorAlertRaisedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { NOTIFICATION_SERVICE } from '../../config/notification-service.config';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { type SensorAlertEvent } from '../domain/notifiable-event';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${NOTIFICATION_SERVICE}.${TOPICS.sensorAlert.name}`;

/** sensor.alert topic: an email to operations per alert. */
@Controller()
export class SensorAlertConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  @EventHandler(TOPICS.sensorAlert.name, { accepts: [sensorAlertRaisedV1] })
  async onSensorAlert(@Payload() event: SensorAlertEvent): Promise<void> {
    // The topic's only event type; a new one must be added to `accepts` (and handled) first.
    await this.notify.execute({ consumer: CONSUMER, event });
  }
}
