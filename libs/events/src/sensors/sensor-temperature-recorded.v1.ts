import { z } from 'zod';
import { defineEvent } from '../define-event';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';
import { sensorIdSchema } from './sensor-id';

/** One temperature reading. A physical measurement, so a plain (finite) JSON number. */
export const sensorTemperatureRecordedV1 = defineEvent({
  type: 'sensor.temperature-recorded',
  version: 1,
  topic: TOPICS.sensorTemperature.name,
  schema: z.object({
    sensorId: sensorIdSchema,
    // zod 4 numbers reject NaN and ±Infinity, which JSON cannot carry anyway.
    temperature: z.number(),
    timestamp: timestampSchema,
  }),
  key: (payload) => payload.sensorId,
});

export type SensorTemperatureRecordedV1 = z.infer<typeof sensorTemperatureRecordedV1.schema>;

export const sensorTemperatureRecordedV1Fixture: SensorTemperatureRecordedV1 = {
  sensorId: 'greenhouse-7',
  temperature: 21.5,
  timestamp: '2026-11-26T10:00:00.250+01:00',
};
