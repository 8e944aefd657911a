import { domainErrorFilter } from '@kafka-commerce/platform';
import { Module } from '@nestjs/common';
import { inventoryHttpErrors } from './api/inventory-http-errors';
import { ProductsController } from './api/products.controller';
import { ApplyOrderCommandsHandler } from './application/apply-order-commands/apply-order-commands.handler';
import { ConfirmReservationHandler } from './application/confirm-reservation/confirm-reservation.handler';
import { CreateProductHandler } from './application/create-product/create-product.handler';
import { FindProductsQuery } from './application/find-products/find-products.query';
import { ProductRepository } from './application/ports/product-repository';
import { StockLedger } from './application/ports/stock-ledger';
import { ReleaseReservationHandler } from './application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from './application/reserve-stock/reserve-stock.handler';
import { RestockProductHandler } from './application/restock-product/restock-product.handler';
import { PrismaProductRepository } from './infrastructure/prisma-product-repository';
import { PrismaStockLedger } from './infrastructure/prisma-stock-ledger';
import { OrderEventsConsumer } from './messaging/order-events.consumer';

/**
 * Products and the reservations that hold their stock: one module, because one transaction
 * locks an order's reservation and its products' rows together and changes both.
 */
@Module({
  controllers: [ProductsController, OrderEventsConsumer],
  providers: [
    domainErrorFilter(inventoryHttpErrors),
    CreateProductHandler,
    RestockProductHandler,
    FindProductsQuery,
    ApplyOrderCommandsHandler,
    ReserveStockHandler,
    ConfirmReservationHandler,
    ReleaseReservationHandler,
    { provide: ProductRepository, useClass: PrismaProductRepository },
    { provide: StockLedger, useClass: PrismaStockLedger },
  ],
})
export class InventoryModule {}
