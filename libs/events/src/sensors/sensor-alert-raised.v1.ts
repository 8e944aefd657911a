import { z } from 'zod';
import { defineEvent } from '../define-event';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';
import { sensorIdSchema } from './sensor-id';

/** A closed window's average temperature was above the threshold. */
export const sensorAlertRaisedV1 = defineEvent({
  type: 'sensor.alert-raised',
  version: 1,
  topic: TOPICS.sensorAlert.name,
  schema: z.object({
    sensorId: sensorIdSchema,
    windowStart: timestampSchema,
    windowEnd: timestampSchema,
    count: z.number().int().positive(),
    average: z.number(),
    threshold: z.number(),
    raisedAt: timestampSchema,
  }),
  key: (payload) => payload.sensorId,
});

export type SensorAlertRaisedV1 = z.infer<typeof sensorAlertRaisedV1.schema>;

export const sensorAlertRaisedV1Fixture: SensorAlertRaisedV1 = {
  sensorId: 'greenhouse-7',
  windowStart: '2026-11-26T10:00:00.000Z',
  windowEnd: '2026-11-26T10:00:05.000Z',
  count: 412,
  average: 31.25,
  threshold: 30,
  raisedAt: '2026-11-26T10:00:05.010Z',
};
