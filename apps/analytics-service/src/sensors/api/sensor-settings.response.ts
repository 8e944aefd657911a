import { ApiProperty } from '@nestjs/swagger';
import { SettingsVersionResponse } from '@kafka-commerce/platform';

export class SensorSettingsResponse extends SettingsVersionResponse {
  @ApiProperty({ example: 80, description: 'Threshold alert above this window average (°C)' })
  alertThreshold!: number;

  @ApiProperty({ example: 4.5, description: 'Spike above this |z-score|' })
  anomalySensitivity!: number;

  @ApiProperty({ example: 1000, description: 'A window closes at this many readings…' })
  windowMaxReadings!: number;

  @ApiProperty({ example: 5000, description: '…or this many ms after its first reading' })
  windowMaxAgeMs!: number;

  @ApiProperty({ example: -90, description: 'Readings below it (°C) are refused' })
  plausibleMin!: number;

  @ApiProperty({ example: 150, description: 'Readings above it (°C) are refused' })
  plausibleMax!: number;
}
