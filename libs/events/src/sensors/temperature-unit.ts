import { z } from 'zod';

/** The scale a reading was taken in: degrees Celsius or Fahrenheit. */
export const temperatureUnitSchema = z.enum(['C', 'F']);

export type TemperatureUnit = z.infer<typeof temperatureUnitSchema>;
