import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsPositive, Max, Min, ValidateIf } from 'class-validator';
import { SENSOR_SETTING_RANGES as RANGE } from '../domain/sensor-stream-settings';

/** Left out: unchanged. null is not left out (IsOptional would let it through). */
const given = (_request: object, value: unknown): boolean => value !== undefined;
const FINITE = { allowNaN: false, allowInfinity: false };

/**
 * `PATCH /settings`: the settings to change; the others keep their value. plausibleMin must
 * stay below plausibleMax, whichever of them changes.
 */
export class UpdateSensorSettingsRequest {
  @ApiPropertyOptional({
    example: 75,
    minimum: RANGE.alertThreshold.min,
    maximum: RANGE.alertThreshold.max,
    description: 'A closed window whose average (°C) is above it raises a threshold alert',
  })
  @ValidateIf(given)
  @IsNumber(FINITE)
  @Min(RANGE.alertThreshold.min)
  @Max(RANGE.alertThreshold.max)
  alertThreshold?: number;

  @ApiPropertyOptional({
    example: 4.5,
    exclusiveMinimum: true,
    minimum: RANGE.anomalySensitivity.min,
    maximum: RANGE.anomalySensitivity.max,
    description: 'A reading whose |z-score| is above it is a spike (anomaly alert)',
  })
  @ValidateIf(given)
  @IsNumber(FINITE)
  @IsPositive()
  @Max(RANGE.anomalySensitivity.max)
  anomalySensitivity?: number;

  @ApiPropertyOptional({
    example: 1000,
    minimum: RANGE.windowMaxReadings.min,
    maximum: RANGE.windowMaxReadings.max,
    description: "A sensor's window closes when it holds this many readings…",
  })
  @ValidateIf(given)
  @IsInt()
  @Min(RANGE.windowMaxReadings.min)
  @Max(RANGE.windowMaxReadings.max)
  windowMaxReadings?: number;

  @ApiPropertyOptional({
    example: 5000,
    minimum: RANGE.windowMaxAgeMs.min,
    maximum: RANGE.windowMaxAgeMs.max,
    description: '…or this many milliseconds after its first reading, whichever comes first',
  })
  @ValidateIf(given)
  @IsInt()
  @Min(RANGE.windowMaxAgeMs.min)
  @Max(RANGE.windowMaxAgeMs.max)
  windowMaxAgeMs?: number;

  @ApiPropertyOptional({
    example: -90,
    minimum: RANGE.plausibleMin.min,
    maximum: RANGE.plausibleMin.max,
    description: 'Readings below it (°C) are refused by the cleaning stage',
  })
  @ValidateIf(given)
  @IsNumber(FINITE)
  @Min(RANGE.plausibleMin.min)
  @Max(RANGE.plausibleMin.max)
  plausibleMin?: number;

  @ApiPropertyOptional({
    example: 150,
    minimum: RANGE.plausibleMax.min,
    maximum: RANGE.plausibleMax.max,
    description: 'Readings above it (°C) are refused by the cleaning stage',
  })
  @ValidateIf(given)
  @IsNumber(FINITE)
  @Min(RANGE.plausibleMax.min)
  @Max(RANGE.plausibleMax.max)
  plausibleMax?: number;
}
