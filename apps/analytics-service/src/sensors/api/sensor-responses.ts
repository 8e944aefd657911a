import { ApiProperty } from '@nestjs/swagger';

export class SensorWindowResponse {
  @ApiProperty({ format: 'date-time', description: 'Earliest reading timestamp in the window' })
  windowStart!: string;
  @ApiProperty({ format: 'date-time', description: 'Latest reading timestamp in the window' })
  windowEnd!: string;
  @ApiProperty({ example: 1000 }) count!: number;
  @ApiProperty({ example: 21.734512, description: 'Rounded to 6 decimal places' }) avg!: number;
  @ApiProperty({ example: 19.5 }) min!: number;
  @ApiProperty({ example: 24.25 }) max!: number;
}

export class SensorAlertResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the sensor.alert-raised event id' })
  id!: string;
  @ApiProperty({ example: 'greenhouse-7' }) sensorId!: string;
  @ApiProperty({ format: 'date-time' }) windowStart!: string;
  @ApiProperty({ format: 'date-time' }) windowEnd!: string;
  @ApiProperty({ example: 81.2 }) average!: number;
  @ApiProperty({ example: 80 }) threshold!: number;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
}
