import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PRICE, MAX_UNITS } from '../domain/product';
import { IsMoney } from './is-money.validator';

/** Text that is not blank and has no surrounding spaces (they would make "equal" SKUs differ). */
const TRIMMED_TEXT = /^\S(?:.*\S)?$/;

export class CreateProductRequest {
  @ApiProperty({ example: 'MUG-001', maxLength: 64, description: 'Unique stock-keeping unit' })
  @IsString()
  @MaxLength(64)
  @Matches(TRIMMED_TEXT, { message: 'sku must not be blank or start or end with spaces' })
  sku!: string;

  @ApiProperty({ example: 'Kafka mug', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(TRIMMED_TEXT, { message: 'name must not be blank or start or end with spaces' })
  name!: string;

  @ApiProperty({ example: '19.99', description: 'Decimal string, at most 2 decimal places' })
  @IsMoney(MAX_PRICE)
  price!: string;

  @ApiProperty({ example: 100, minimum: 0, maximum: MAX_UNITS, description: 'Opening stock' })
  @IsInt()
  @Min(0)
  @Max(MAX_UNITS)
  stock!: number;

  @ApiProperty({
    example: 10,
    minimum: 0,
    maximum: MAX_UNITS,
    description: 'inventory.low-stock is emitted when available falls to or below this',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_UNITS)
  lowStockThreshold!: number;
}
