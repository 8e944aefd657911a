import { ApiProperty } from '@nestjs/swagger';

export class AcceptedReadingsResponse {
  @ApiProperty({ example: 1000, description: 'Readings queued for the window processor' })
  accepted!: number;
}
