import { Injectable } from '@nestjs/common';
import { createEvent, productUpdatedV1 } from '@kafka-commerce/events';
import { INVENTORY_SERVICE } from '../../../config/inventory-service.config';
import { type Product, restock } from '../../domain/product';
import { ProductNotFoundError } from '../../domain/product.errors';
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
      // product.updated carries catalog data only (no counters): it marks the change for
      // projections, which read stock levels over REST.
      const event = createEvent(
        productUpdatedV1,
        {
          productId: restocked.id,
          sku: restocked.sku,
          name: restocked.name,
          price: restocked.price,
          updatedAt: new Date().toISOString(),
        },
        { producer: INVENTORY_SERVICE, correlationId: command.correlationId },
      );
      return { product: restocked, events: [event] };
    });
    if (!updated) throw new ProductNotFoundError(command.productId);
    return updated;
  }
}
