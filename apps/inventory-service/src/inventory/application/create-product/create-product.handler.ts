import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Money } from '@kafka-commerce/money';
import { newProduct, type Product } from '../../domain/product';
import { productCreatedEvent, requestOrigin } from '../inventory-events';
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
    const created = productCreatedEvent(product, requestOrigin(command.correlationId));
    await this.products.create(product, [created]);
    return product;
  }
}
