import { Module } from '@nestjs/common';
import { CatalogPrices } from './application/ports/catalog-prices';
import { CatalogRepository } from './application/ports/catalog-repository';
import { ProjectProductsHandler } from './application/project-products/project-products.handler';
import { PostgresCatalogPrices } from './infrastructure/postgres-catalog-prices';
import { PrismaCatalogRepository } from './infrastructure/prisma-catalog-repository';
import { ProductEventsConsumer } from './messaging/product-events.consumer';

/**
 * The price catalog projection of inventory-service's products; orders are priced from it
 * through CatalogPrices, the one thing it exports.
 */
@Module({
  controllers: [ProductEventsConsumer],
  providers: [
    ProjectProductsHandler,
    { provide: CatalogRepository, useClass: PrismaCatalogRepository },
    { provide: CatalogPrices, useClass: PostgresCatalogPrices },
  ],
  exports: [CatalogPrices],
})
export class CatalogModule {}
