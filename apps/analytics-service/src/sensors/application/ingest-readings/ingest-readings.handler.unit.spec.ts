import { type OutgoingEventOn, sensorTemperatureRecordedV2 } from '@kafka-commerce/events';
import { IngestReadingsHandler } from './ingest-readings.handler';
import { ReadingIntake } from '../ports/reading-intake';

class RecordingIntake extends ReadingIntake {
  readonly batches: (readonly OutgoingEventOn<'sensor.temperature'>[])[] = [];
  accept(events: readonly OutgoingEventOn<'sensor.temperature'>[]): Promise<void> {
    this.batches.push(events);
    return Promise.resolve();
  }
}

describe('IngestReadingsHandler', () => {
  it('stores one event per reading, keyed by sensor, in a single batch, Celsius unless told', async () => {
    const intake = new RecordingIntake();
    const accepted = await new IngestReadingsHandler(intake).execute({
      correlationId: 'request-1',
      readings: [
        { sensorId: 'a', temperature: 20.5, timestamp: '2026-11-26T10:00:00.000Z' },
        { sensorId: 'b', temperature: 26.6, unit: 'F', timestamp: '2026-11-26T11:00:00.000+01:00' },
      ],
    });
    expect(accepted).toBe(2);
    expect(intake.batches).toHaveLength(1);
    const events = intake.batches[0]!;
    expect(events.map((event) => [event.topic, event.key])).toEqual([
      ['sensor.temperature', 'a'],
      ['sensor.temperature', 'b'],
    ]);
    expect(
      events.map((event) => sensorTemperatureRecordedV2.schema.parse(event.envelope.payload).unit),
    ).toEqual(['C', 'F']);
    for (const event of events) {
      expect(event.envelope).toMatchObject({
        type: 'sensor.temperature-recorded',
        version: 2,
        producer: 'analytics-service',
        correlationId: 'request-1',
        causationId: null,
      });
      expect(sensorTemperatureRecordedV2.schema.safeParse(event.envelope.payload).success).toBe(
        true,
      );
    }
  });
});
