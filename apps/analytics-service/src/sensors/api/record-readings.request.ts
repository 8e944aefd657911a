import { sensorTemperatureRecordedV2 } from '@kafka-commerce/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TEMPERATURE_LIMIT } from '../domain/temperature-reading';

export const MAX_READINGS_PER_REQUEST = 5000;

// A reading's fields follow the event it becomes, so a request that passes can never make an
// invalid event; a request also bounds the temperature and may leave the unit out (Celsius).
const recorded = sensorTemperatureRecordedV2.schema.shape;

const sensorReadingSchema = z.strictObject({
  sensorId: recorded.sensorId.meta({ example: 'greenhouse-7' }),
  temperature: recorded.temperature
    .min(-TEMPERATURE_LIMIT)
    .max(TEMPERATURE_LIMIT)
    .meta({ example: 21.5 }),
  unit: recorded.unit.optional().meta({
    description: 'The scale of `temperature`: C (the default) or F, standardised to °C',
  }),
  timestamp: recorded.timestamp.meta({ example: '2026-11-26T10:00:00.250Z' }),
});

/** One reading (for the docs: the body is an array of them). */
export class SensorReadingRequest extends createZodDto(sensorReadingSchema) {}

/** `POST /sensors/readings`: a bare JSON array of 1 to 5,000 readings. */
export class SensorReadingsRequest extends createZodDto(
  z
    .array(sensorReadingSchema, {
      // Only for a body that is no array at all; counts keep their own messages.
      error: (issue) =>
        Array.isArray(issue.input) ? undefined : 'must be a JSON array of readings',
    })
    .min(1)
    .max(MAX_READINGS_PER_REQUEST),
) {}
