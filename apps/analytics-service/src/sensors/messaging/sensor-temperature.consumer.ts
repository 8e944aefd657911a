import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EventOf, sensorTemperatureRecordedV2, TOPICS } from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { AccumulateReadingsHandler } from '../application/accumulate-readings/accumulate-readings.handler';
import { type IncomingReading } from '../domain/temperature-reading';

type ReadingEvent = EventOf<typeof sensorTemperatureRecordedV2>;

/**
 * sensor.temperature → cleaning, per-sensor windows and anomaly detection, a fetched batch per
 * transaction. v1 readings (no unit) arrive upcast to v2 as Celsius.
 */
@Controller()
export class SensorTemperatureConsumer {
  constructor(private readonly accumulate: AccumulateReadingsHandler) {}

  @EventHandler(TOPICS.sensorTemperature.name, {
    accepts: [sensorTemperatureRecordedV2],
    batch: true,
  })
  async onReadings(
    @Payload() events: ReadingEvent[],
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    await this.accumulate.execute({
      consumer: delivery.getConsumer(),
      readings: events.map(toReading),
    });
  }
}

function toReading(event: ReadingEvent): IncomingReading {
  return {
    sensorId: event.payload.sensorId,
    value: event.payload.temperature,
    unit: event.payload.unit,
    timestamp: new Date(event.payload.timestamp),
    eventId: event.eventId,
    correlationId: event.correlationId,
  };
}
