import { ApiProperty } from '@nestjs/swagger';
import { availableOf, type Product } from '../domain/product';

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MUG-001' }) sku!: string;
  @ApiProperty({ example: 'Kafka mug' }) name!: string;
  @ApiProperty({ example: '19.99' }) price!: string;
  @ApiProperty({ description: 'Units on hand and not yet sold, reserved ones included' })
  stock!: number;
  @ApiProperty({ description: 'Units held for pending orders' }) reserved!: number;
  @ApiProperty({ description: 'stock - reserved: what new orders can get' }) available!: number;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty({ description: 'Units of confirmed orders' }) sold!: number;
  @ApiProperty({ description: 'Stock when the product was created' }) initialStock!: number;
  @ApiProperty({ description: 'Units added by restocks since' }) restocked!: number;
}

/** Besides the contract's fields, the counters that let anyone check available + reserved + sold = initialStock + restocked. */
export function toProductResponse(product: Product): ProductResponse {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    price: product.price,
    stock: product.stock,
    reserved: product.reserved,
    available: availableOf(product),
    lowStockThreshold: product.lowStockThreshold,
    sold: product.sold,
    initialStock: product.initialStock,
    restocked: product.restocked,
  };
}
