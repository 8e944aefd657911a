import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
  @ApiProperty({ example: '19.99', description: 'Decimal string, catalog price when placed' })
  unitPrice!: string;
}

export class ShippingAddressResponse {
  @ApiProperty() street!: string;
  @ApiProperty() city!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() country!: string;
}

/** The order as it was accepted; a retry with the same Idempotency-Key gets the same body. */
export class PlacedOrderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({
    enum: ['PENDING'],
    description: 'Always PENDING: the saga settles it; GET /orders/{id} shows its progress.',
  })
  status!: 'PENDING';
  @ApiProperty({ type: [OrderLineResponse] }) items!: OrderLineResponse[];
  @ApiProperty({ example: '44.98' }) totalAmount!: string;
  @ApiProperty({ type: ShippingAddressResponse }) shippingAddress!: ShippingAddressResponse;
  @ApiProperty({ example: 'card' }) paymentMethod!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StatusChangeResponse {
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiPropertyOptional({ example: 'out_of_stock' }) reason?: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ type: [OrderLineResponse] }) items!: OrderLineResponse[];
  @ApiProperty({ example: '44.98' }) totalAmount!: string;
  @ApiProperty({ type: ShippingAddressResponse }) shippingAddress!: ShippingAddressResponse;
  @ApiProperty({ example: 'card' }) paymentMethod!: string;
  @ApiPropertyOptional({
    example: 'card_declined',
    description: 'Present once CANCELLED: cancelled_by_customer, out_of_stock, card_declined…',
  })
  cancellationReason?: string;
  @ApiProperty({ type: [StatusChangeResponse], description: 'Oldest first' })
  history!: StatusChangeResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OrderPageResponse {
  @ApiProperty({ type: [OrderResponse], description: 'Newest first' }) items!: OrderResponse[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 42, description: 'All of the caller’s orders' }) total!: number;
}
