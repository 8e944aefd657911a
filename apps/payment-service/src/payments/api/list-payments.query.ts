import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListPaymentsQuery {
  @ApiProperty({ format: 'uuid', description: 'The order whose payments to list' })
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId!: string;
}
