import { Injectable } from '@nestjs/common';
import { type Product, restock } from '../../domain/product';
import { ProductNotFoundError } from '../../domain/product.errors';
import { productUpdatedEvent, requestOrigin } from '../inventory-events';
import { ProductRepository } from '../ports/product-repository';

export interface RestockProduct {
  readonly productId: string;
  readonly quantity: number;
  readonly correlationId: string;
}

@Injectable()
export class RestockProductHandler {
  constructor(private readonly products: ProductRepository) {}

  /** Throws ProductNotFoundError, or StockLimitExceededError past the unit limit. */
  async execute(command: RestockProduct): Promise<Product> {
    const updated = await this.products.update(command.productId, (product) => {
      const restocked = restock(product, command.quantity);
      const event = productUpdatedEvent(
        restocked,
        requestOrigin(command.correlationId),
        new Date(),
      );
      return { product: restocked, events: [event] };
    });
    if (!updated) throw new ProductNotFoundError(command.productId);
    return updated;
  }
}
