import { Module } from '@nestjs/common';
import { ProductsController } from './api/products.controller';
import { CreateProductHandler } from './application/create-product/create-product.handler';
import { FindProductsQuery } from './application/find-products/find-products.query';
import { ProductRepository } from './application/ports/product.repository';
import { RestockProductHandler } from './application/restock-product/restock-product.handler';
import { PrismaProductRepository } from './infrastructure/prisma-product.repository';

@Module({
  controllers: [ProductsController],
  providers: [
    CreateProductHandler,
    RestockProductHandler,
    FindProductsQuery,
    { provide: ProductRepository, useClass: PrismaProductRepository },
  ],
})
export class ProductsModule {}
