import { Injectable } from '@nestjs/common';
import { type Product } from '../../domain/product';
import { ProductNotFoundError } from '../../domain/product.errors';
import { ProductRepository } from '../ports/product-repository';

/** The public catalog reads. */
@Injectable()
export class FindProductsQuery {
  constructor(private readonly products: ProductRepository) {}

  all(): Promise<Product[]> {
    return this.products.list();
  }

  /** Throws ProductNotFoundError. */
  async byId(id: string): Promise<Product> {
    const product = await this.products.findById(id);
    if (!product) throw new ProductNotFoundError(id);
    return product;
  }
}
