import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_UNITS } from '../domain/product';

export class RestockProductRequest {
  @ApiProperty({ example: 50, minimum: 1, maximum: MAX_UNITS, description: 'Units received' })
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity!: number;
}
