import { z } from 'zod';
import { defineEvent } from '../define-event';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';
import { sensorIdSchema } from './sensor-id';

/**
 * A reading the sensor's own history makes unlikely: a `spike` (its z-score beyond the
 * sensitivity), a `drift` (the level walked away from the sensor's baseline) or `stuck` (the
 * same value too many times in a row). On the sensor.alert topic, keyed by sensor, so one
 * sensor's alerts of every kind stay in order.
 */
export const sensorAnomalyDetectedV1 = defineEvent({
  type: 'sensor.anomaly-detected',
  version: 1,
  topic: TOPICS.sensorAlert.name,
  schema: z.object({
    sensorId: sensorIdSchema,
    fault: z.enum(['spike', 'drift', 'stuck']),
    /** The reading that raised it (device clock) and its value in °C. */
    readingAt: timestampSchema,
    temperature: z.number(),
    /** What the sensor's statistics expected instead (°C). */
    expected: z.number(),
    /** spike: the z-score; drift: the CUSUM statistic (in standard deviations); stuck: the run length. */
    score: z.number(),
    detectedAt: timestampSchema,
  }),
  key: (payload) => payload.sensorId,
});

export type SensorAnomalyDetectedV1 = z.infer<typeof sensorAnomalyDetectedV1.schema>;

export const sensorAnomalyDetectedV1Fixture: SensorAnomalyDetectedV1 = {
  sensorId: 'greenhouse-7',
  fault: 'spike',
  readingAt: '2026-11-26T10:00:04.250Z',
  temperature: 48.5,
  expected: 21.4,
  score: 11.3,
  detectedAt: '2026-11-26T10:00:04.310Z',
};
