import { Injectable } from '@nestjs/common';
import { type ReportedReading, sensorTemperatureRecorded } from '../sensors-events';
import { ReadingIntake } from '../ports/reading-intake';

export interface IngestReadings {
  readonly readings: readonly ReportedReading[];
  readonly correlationId: string;
}

/** Turns a batch of readings into sensor.temperature-recorded events, one per reading. */
@Injectable()
export class IngestReadingsHandler {
  constructor(private readonly intake: ReadingIntake) {}

  async execute({ readings, correlationId }: IngestReadings): Promise<number> {
    const events = readings.map((reading) => sensorTemperatureRecorded(reading, correlationId));
    await this.intake.accept(events);
    return events.length;
  }
}
