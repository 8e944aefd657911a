import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only notifications for this user' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only notifications about this order' })
  @IsOptional()
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId?: string;
}
