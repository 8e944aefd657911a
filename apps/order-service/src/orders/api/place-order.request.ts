import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 1000;

export class OrderLineRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY, example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

export class ShippingAddressRequest {
  @ApiProperty({ example: '12 Analytical Row', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  street!: string;

  @ApiProperty({ example: 'London', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;

  @ApiProperty({ example: 'N1 9GU', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode!: string;

  @ApiProperty({ example: 'GB', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  country!: string;
}

export class PlaceOrderRequest {
  @ApiProperty({
    type: [OrderLineRequest],
    minItems: 1,
    maxItems: MAX_ORDER_LINES,
    description: 'Lines naming the same product are merged into one.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ORDER_LINES)
  // ValidateNested alone lets an array through where an object belongs (`items: [[]]`).
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OrderLineRequest)
  items!: OrderLineRequest[];

  @ApiProperty({ type: ShippingAddressRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ShippingAddressRequest)
  shippingAddress!: ShippingAddressRequest;

  @ApiProperty({ example: 'card', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  paymentMethod!: string;
}
