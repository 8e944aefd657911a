import { ApiProperty } from '@nestjs/swagger';

export class OrderCountsResponse {
  @ApiProperty({ example: 120, description: 'Every order seen' }) created!: number;
  @ApiProperty({ example: 97, description: 'Orders currently CONFIRMED' }) confirmed!: number;
  @ApiProperty({ example: 20, description: 'Orders currently CANCELLED' }) cancelled!: number;
}

export class TopProductResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ example: 42, description: 'Units in CONFIRMED orders' }) quantity!: number;
  @ApiProperty({ example: '839.58', description: 'Their revenue (decimal string)' })
  revenue!: string;
}

export class SummaryResponse {
  @ApiProperty({ example: 35 }) usersRegistered!: number;
  @ApiProperty({ type: OrderCountsResponse }) orders!: OrderCountsResponse;
  @ApiProperty({ example: '4312.50', description: 'Total of the orders currently CONFIRMED' })
  revenue!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.8421,
    description:
      'SUCCEEDED / (SUCCEEDED + FAILED) over processed payments, 4 decimals; null before any',
  })
  paymentSuccessRate!: number | null;
  @ApiProperty({ type: [TopProductResponse], description: 'Up to 5, most units first' })
  topProducts!: TopProductResponse[];
}
