import { ApiProperty } from '@nestjs/swagger';

// Every figure comes from the projections of the events, on the UTC day of each event's own
// timestamp (order.created's createdAt, order.confirmed's confirmedAt, order.cancelled's
// cancelledAt, payment.processed's processedAt) — never the time analytics consumed it.

export class SalesReportDayResponse {
  @ApiProperty({ example: '2026-12-01', description: 'UTC calendar day' }) date!: string;
  @ApiProperty({ example: 12, description: 'Orders whose createdAt is on this day' })
  ordersCreated!: number;
  @ApiProperty({
    example: 9,
    description:
      'Orders whose confirmedAt is on this day and that are still CONFIRMED (a later cancellation takes one back out of its confirmation day)',
  })
  ordersConfirmed!: number;
  @ApiProperty({ example: 3, description: 'Orders whose cancelledAt is on this day' })
  ordersCancelled!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { card_declined: 1, out_of_stock: 2 },
    description:
      "This day's cancellations by order.cancelled's reason (reasons with none left out)",
  })
  cancelledByReason!: Record<string, number>;
  @ApiProperty({
    example: '431.25',
    description: 'Revenue of ordersConfirmed: a decimal string with 2 places, "0.00" when none',
  })
  revenue!: string;
  @ApiProperty({
    example: 10,
    description: 'payment.processed SUCCEEDED with processedAt on this day',
  })
  paymentsSucceeded!: number;
  @ApiProperty({ example: 2, description: 'payment.processed FAILED with processedAt on this day' })
  paymentsFailed!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.8333',
    description:
      'paymentsSucceeded / (paymentsSucceeded + paymentsFailed) as a decimal string rounded half-up to 4 places; null on a day without a processed payment',
  })
  paymentSuccessRate!: string | null;
}

export class SalesReportProductResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({
    example: 42,
    description: 'Units in orders confirmed in the range and still CONFIRMED',
  })
  unitsSold!: number;
  @ApiProperty({ example: '839.58', description: 'Their revenue (decimal string, 2 places)' })
  revenue!: string;
}

export class SalesReportResponse {
  @ApiProperty({ example: '2026-12-01' }) from!: string;
  @ApiProperty({ example: '2026-12-07' }) to!: string;
  @ApiProperty({
    type: [SalesReportDayResponse],
    description: 'Every day from `from` to `to`, in order; zeros on a quiet day',
  })
  days!: SalesReportDayResponse[];
  @ApiProperty({
    type: [SalesReportProductResponse],
    description: 'Products with units sold in the range, most revenue first, ties by productId',
  })
  products!: SalesReportProductResponse[];
}
