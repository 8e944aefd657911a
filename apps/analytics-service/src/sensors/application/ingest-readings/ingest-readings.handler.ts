import { Injectable } from '@nestjs/common';
import { createEvent, sensorTemperatureRecordedV2 } from '@kafka-commerce/events';
import { ANALYTICS_SERVICE } from '../../../config/analytics-service.config';
import { type TemperatureUnit } from '../../domain/temperature-reading';
import { ReadingIntake } from './reading-intake';

export interface IngestReadings {
  readonly readings: readonly {
    readonly sensorId: string;
    readonly temperature: number;
    /** Celsius when absent. */
    readonly unit?: TemperatureUnit | undefined;
    readonly timestamp: string;
  }[];
  readonly correlationId: string;
}

/** Turns a batch of readings into sensor.temperature-recorded events, one per reading. */
@Injectable()
export class IngestReadingsHandler {
  constructor(private readonly intake: ReadingIntake) {}

  async execute({ readings, correlationId }: IngestReadings): Promise<number> {
    const events = readings.map((reading) =>
      createEvent(
        sensorTemperatureRecordedV2,
        {
          sensorId: reading.sensorId,
          temperature: reading.temperature,
          unit: reading.unit ?? 'C',
          timestamp: reading.timestamp,
        },
        { producer: ANALYTICS_SERVICE, correlationId },
      ),
    );
    await this.intake.accept(events);
    return events.length;
  }
}
