import { z } from 'zod';

/** A device's own identifier (not a uuid: sensors name themselves). */
export const sensorIdSchema = z.string().min(1).max(100);
