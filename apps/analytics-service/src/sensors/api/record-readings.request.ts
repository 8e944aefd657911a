import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TEMPERATURE_LIMIT, type TemperatureUnit } from '../domain/temperature-reading';
import { IsEventTimestamp } from './is-event-timestamp.validator';

export const MAX_READINGS_PER_REQUEST = 5000;

const TEMPERATURE_UNITS: readonly TemperatureUnit[] = ['C', 'F'];

export class SensorReadingRequest {
  @ApiProperty({ example: 'greenhouse-7', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  sensorId!: string;

  @ApiProperty({ example: 21.5, minimum: -TEMPERATURE_LIMIT, maximum: TEMPERATURE_LIMIT })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-TEMPERATURE_LIMIT)
  @Max(TEMPERATURE_LIMIT)
  temperature!: number;

  @ApiProperty({
    enum: ['C', 'F'],
    default: 'C',
    required: false,
    description: 'The scale of `temperature`: C (the default) or F, standardised to °C',
  })
  @IsOptional()
  @IsIn(TEMPERATURE_UNITS)
  unit?: TemperatureUnit;

  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.250Z' })
  @IsEventTimestamp()
  timestamp!: string;
}

/**
 * The request body is a bare JSON array; class-validator validates objects, so the pipe wraps
 * the array in this holder (field errors read `readings`, `readings.3.temperature`, …).
 */
export class SensorReadingBatch {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_READINGS_PER_REQUEST)
  // ValidateNested alone lets an array through where a reading belongs (`[[]]`).
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SensorReadingRequest)
  readings!: SensorReadingRequest[];
}

export class AcceptedReadingsResponse {
  @ApiProperty({ example: 1000, description: 'Readings queued for the window processor' })
  accepted!: number;
}
