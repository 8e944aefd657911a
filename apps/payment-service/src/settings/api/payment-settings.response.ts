import { ApiProperty } from '@nestjs/swagger';
import { SettingsVersionResponse } from '@kafka-commerce/platform';

export class PaymentSettingsResponse extends SettingsVersionResponse {
  @ApiProperty({
    example: '10000.00',
    description: 'Any charge above it is refused with amount_limit_exceeded (decimal string)',
  })
  paymentLimit!: string;
}
