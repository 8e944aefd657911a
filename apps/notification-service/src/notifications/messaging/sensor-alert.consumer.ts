import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { sensorAlertRaisedV1, sensorAnomalyDetectedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { NotifyOnEventHandler } from '../application/notify-on-event/notify-on-event.handler';
import { reportedFacts, type SensorAlertEvent } from './notifiable-fact.mapper';

/** sensor.alert topic: an email to operations per alert or anomaly, a batch per statement. */
@Controller()
export class SensorAlertConsumer {
  constructor(private readonly notify: NotifyOnEventHandler) {}

  // Every event type of the topic; another one is ignored until it is added here (and handled).
  @EventHandler(TOPICS.sensorAlert.name, {
    accepts: [sensorAlertRaisedV1, sensorAnomalyDetectedV1],
    batch: true,
  })
  async onSensorAlerts(
    @Payload() events: SensorAlertEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.notify.execute({ consumer: delivery.getConsumer(), facts: reportedFacts(events) });
  }
}
