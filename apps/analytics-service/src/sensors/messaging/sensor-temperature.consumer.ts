import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EventOf, sensorTemperatureRecordedV1, TOPICS } from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { ANALYTICS_SERVICE } from '../../config/analytics-service.config';
import { AccumulateReadingsHandler } from '../application/accumulate-readings/accumulate-readings.handler';

/** Also the inbox's consumer name: it must never change, or readings would be counted again. */
const CONSUMER = `${ANALYTICS_SERVICE}.${TOPICS.sensorTemperature.name}`;

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
  ): Promise<void> {
    await this.accumulate.execute({ consumer: CONSUMER, events });
  }
}
