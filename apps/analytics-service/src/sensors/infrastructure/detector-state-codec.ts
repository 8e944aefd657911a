import { z } from 'zod';
import { type DetectorState } from '../domain/anomaly-detector';

const finite = z.number();

/** A detector state as stored in sensor_states.detector (JSON). */
const detectorStateSchema = z.object({
  learned: z.number().int().nonnegative(),
  mean: finite,
  variance: finite.nonnegative(),
  baseline: finite,
  cusumHigh: finite.nonnegative(),
  cusumLow: finite.nonnegative(),
  drifting: z.boolean(),
  lastValue: finite.nullable(),
  repeats: z.number().int().nonnegative(),
  outliers: z.number().int().nonnegative(),
}) satisfies z.ZodType<DetectorState>;

/**
 * The stored state, or null (the detector then starts again from scratch) when there is none
 * or it is not one this version understands: a lost history costs a warm-up, never a batch.
 */
export function decodeDetectorState(stored: unknown): DetectorState | null {
  const parsed = detectorStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
