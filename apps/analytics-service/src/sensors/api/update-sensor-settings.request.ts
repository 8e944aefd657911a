import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  SENSOR_SETTING_RANGES as RANGE,
  type SettingRange,
} from '../domain/sensor-stream-settings';

/** A finite number within the setting's range; left out: unchanged (null is not left out). */
function setting(
  { min, max, minExcluded, integer }: SettingRange,
  meta: { example: number; description: string },
) {
  const number = integer ? z.int() : z.number();
  return (minExcluded ? number.gt(min) : number.min(min)).max(max).optional().meta(meta);
}

/**
 * `PATCH /settings`: the settings to change; the others keep their value. plausibleMin must
 * stay below plausibleMax, whichever of them changes (the settings' own rule).
 */
export class UpdateSensorSettingsRequest extends createZodDto(
  z.strictObject({
    alertThreshold: setting(RANGE.alertThreshold, {
      example: 75,
      description: 'A closed window whose average (°C) is above it raises a threshold alert',
    }),
    anomalySensitivity: setting(RANGE.anomalySensitivity, {
      example: 4.5,
      description: 'A reading whose |z-score| is above it is a spike (anomaly alert)',
    }),
    windowMaxReadings: setting(RANGE.windowMaxReadings, {
      example: 1000,
      description: "A sensor's window closes when it holds this many readings…",
    }),
    windowMaxAgeMs: setting(RANGE.windowMaxAgeMs, {
      example: 5000,
      description: '…or this many milliseconds after its first reading, whichever comes first',
    }),
    plausibleMin: setting(RANGE.plausibleMin, {
      example: -90,
      description: 'Readings below it (°C) are refused by the cleaning stage',
    }),
    plausibleMax: setting(RANGE.plausibleMax, {
      example: 150,
      description: 'Readings above it (°C) are refused by the cleaning stage',
    }),
  }),
) {}
