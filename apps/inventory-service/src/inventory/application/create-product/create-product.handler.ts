import { type Money } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createEvent, productCreatedV1 } from '@kafka-commerce/events';
import { INVENTORY_SERVICE } from '../../../config/inventory-service.config';
import { newProduct, type Product } from '../../domain/product';
import { ProductRepository } from '../ports/product-repository';

export interface CreateProduct {
  readonly sku: string;
  readonly name: string;
  readonly price: Money;
  readonly stock: number;
  readonly lowStockThreshold: number;
  readonly correlationId: string;
}

@Injectable()
export class CreateProductHandler {
  constructor(private readonly products: ProductRepository) {}

  /** Throws SkuAlreadyExistsError when the sku is taken. */
  async execute(command: CreateProduct): Promise<Product> {
    const product = newProduct({
      id: randomUUID(),
      sku: command.sku,
      name: command.name,
      price: command.price,
      stock: command.stock,
      lowStockThreshold: command.lowStockThreshold,
      createdAt: new Date(),
    });
    const created = createEvent(
      productCreatedV1,
      {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        price: product.price,
        stock: product.stock,
        lowStockThreshold: product.lowStockThreshold,
        createdAt: product.createdAt.toISOString(),
      },
      { producer: INVENTORY_SERVICE, correlationId: command.correlationId },
    );
    await this.products.create(product, [created]);
    return product;
  }
}
