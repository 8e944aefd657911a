import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, sensorTemperatureRecordedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { AccumulateReadingsHandler } from '../application/accumulate-readings/accumulate-readings.handler';

/** sensor.temperature → per-sensor windows, a fetched batch per transaction. */
@Controller()
export class SensorTemperatureConsumer {
  constructor(private readonly accumulate: AccumulateReadingsHandler) {}

  @EventHandler(TOPICS.sensorTemperature.name, {
    accepts: [sensorTemperatureRecordedV1],
    batch: true,
  })
  async onReadings(
    @Payload() events: EventOf<typeof sensorTemperatureRecordedV1>[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.accumulate.execute({ consumer: delivery.getConsumer(), events });
  }
}
