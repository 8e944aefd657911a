import { Module } from '@nestjs/common';
import { CatalogRepository } from './application/ports/catalog-repository';
import { ProjectProductsHandler } from './application/project-products/project-products.handler';
import { PrismaCatalogRepository } from './infrastructure/prisma-catalog-repository';
import { ProductEventsConsumer } from './messaging/product-events.consumer';

/** The price catalog projection orders are priced from (read by the orders module). */
@Module({
  controllers: [ProductEventsConsumer],
  providers: [
    ProjectProductsHandler,
    { provide: CatalogRepository, useClass: PrismaCatalogRepository },
  ],
})
export class CatalogModule {}
