import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SensorAlertResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'Also the id of its event (sensor.alert-raised or sensor.anomaly-detected)',
  })
  id!: string;
  @ApiProperty({ example: 'greenhouse-7' }) sensorId!: string;
  @ApiProperty({
    enum: ['threshold', 'anomaly'],
    description:
      "threshold: a closed window's average was above the threshold; anomaly: the detector flagged a reading",
  })
  kind!: 'threshold' | 'anomaly';
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'threshold only' })
  windowStart?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'threshold only' })
  windowEnd?: string;
  @ApiPropertyOptional({ example: 81.2, description: 'threshold only: the window average, °C' })
  average?: number;
  @ApiPropertyOptional({ example: 80, description: 'threshold only, °C' })
  threshold?: number;

  @ApiPropertyOptional({ enum: ['spike', 'drift', 'stuck'], description: 'anomaly only' })
  fault?: 'spike' | 'drift' | 'stuck';
  @ApiPropertyOptional({ format: 'date-time', description: 'anomaly only: the reading flagged' })
  readingAt?: string;
  @ApiPropertyOptional({ example: 48.5, description: 'anomaly only: the reading, °C' })
  temperature?: number;
  @ApiPropertyOptional({
    example: 21.4,
    description: 'anomaly only: what the statistics expected (mean, or baseline for a drift), °C',
  })
  expected?: number;
  @ApiPropertyOptional({
    example: 11.3,
    description:
      'anomaly only: z-score (spike), CUSUM in standard deviations (drift), run length (stuck)',
  })
  score?: number;
}
