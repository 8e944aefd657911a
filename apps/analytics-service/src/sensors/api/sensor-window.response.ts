import { ApiProperty } from '@nestjs/swagger';

export class SensorWindowResponse {
  @ApiProperty({ format: 'date-time', description: 'Earliest reading timestamp in the window' })
  windowStart!: string;
  @ApiProperty({ format: 'date-time', description: 'Latest reading timestamp in the window' })
  windowEnd!: string;
  @ApiProperty({ example: 1000 }) count!: number;
  @ApiProperty({ example: 21.734512, description: '°C, rounded to 6 decimal places' })
  avg!: number;
  @ApiProperty({ example: 19.5, description: '°C' }) min!: number;
  @ApiProperty({ example: 24.25, description: '°C' }) max!: number;
}
