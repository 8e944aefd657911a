import { z } from 'zod';
import { defineEvent } from '../define-event';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';
import { defineUpcaster } from '../upcast';
import { sensorIdSchema } from './sensor-id';
import { sensorTemperatureRecordedV1 } from './sensor-temperature-recorded.v1';
import { temperatureUnitSchema } from './temperature-unit';

/**
 * One temperature reading in the unit the device reported it in. v2 adds `unit`; a v1 reading
 * (no unit) is Celsius and reaches consumers of v2 through the library's upcaster.
 */
export const sensorTemperatureRecordedV2 = defineEvent({
  type: 'sensor.temperature-recorded',
  version: 2,
  topic: TOPICS.sensorTemperature.name,
  schema: z.object({
    sensorId: sensorIdSchema,
    // zod 4 numbers reject NaN and ±Infinity, which JSON cannot carry anyway.
    temperature: z.number(),
    unit: temperatureUnitSchema,
    timestamp: timestampSchema,
  }),
  key: (payload) => payload.sensorId,
});

export type SensorTemperatureRecordedV2 = z.infer<typeof sensorTemperatureRecordedV2.schema>;

export const sensorTemperatureRecordedV2Fixture: SensorTemperatureRecordedV2 = {
  sensorId: 'greenhouse-7',
  temperature: 70.7,
  unit: 'F',
  timestamp: '2026-11-26T10:00:00.250+01:00',
};

/** A v1 reading carries no unit: it was always Celsius. */
export const sensorTemperatureRecordedV1ToV2 = defineUpcaster({
  from: sensorTemperatureRecordedV1,
  to: sensorTemperatureRecordedV2,
  upcast: (payload) => ({ ...payload, unit: 'C' as const }),
});
