import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHARGE_STATUSES, type ChargeStatus } from '../domain/payment';

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: '44.98', description: 'Decimal string' }) amount!: string;
  @ApiProperty({ example: 'card' }) method!: string;
  @ApiProperty({ enum: CHARGE_STATUSES }) status!: ChargeStatus;
  @ApiPropertyOptional({ example: 'card_declined', description: 'Why a FAILED charge failed' })
  reason?: string;
  @ApiProperty({ format: 'date-time', description: 'When the charge was made' })
  createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When a REFUNDED charge was paid back' })
  refundedAt?: string;
}
