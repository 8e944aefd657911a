import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListNotificationsQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only notifications for this user (a customer's own id; another answers 403)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only notifications about this order (a customer's: only their own of those)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId?: string;
}
