import { Module } from '@nestjs/common';
import { domainErrorFilter, ServiceMetrics } from '@kafka-commerce/platform';
import { CatalogModule, CatalogPrices } from '../catalog';
import { OrdersController } from './api/orders.controller';
import { ordersHttpErrors } from './api/orders-http-errors';
import { CancelOrderHandler } from './application/cancel-order/cancel-order.handler';
import { GetOrderHandler } from './application/get-order/get-order.handler';
import { ListOrdersHandler } from './application/list-orders/list-orders.handler';
import { PlaceOrderHandler } from './application/place-order/place-order.handler';
import { OrderRepository } from './application/ports/order-repository';
import { PriceCatalog } from './application/ports/price-catalog';
import { SettlementObserver } from './application/ports/settlement-observer';
import { SettleOrderHandler } from './application/settle-order/settle-order.handler';
import { PrismaOrderRepository } from './infrastructure/prisma-order-repository';
import { PrometheusSettlementObserver } from './infrastructure/prometheus-settlement-observer';
import { PaymentEventsConsumer } from './messaging/payment-events.consumer';
import { ReservationEventsConsumer } from './messaging/reservation-events.consumer';

@Module({
  imports: [CatalogModule],
  controllers: [OrdersController, ReservationEventsConsumer, PaymentEventsConsumer],
  providers: [
    domainErrorFilter(ordersHttpErrors),
    PlaceOrderHandler,
    GetOrderHandler,
    ListOrdersHandler,
    CancelOrderHandler,
    SettleOrderHandler,
    { provide: OrderRepository, useClass: PrismaOrderRepository },
    // Orders are priced from the catalog module's projection, through its public API.
    {
      provide: PriceCatalog,
      useFactory: (prices: CatalogPrices): PriceCatalog => prices,
      inject: [CatalogPrices],
    },
    {
      provide: SettlementObserver,
      useFactory: (metrics: ServiceMetrics, orders: OrderRepository) =>
        new PrometheusSettlementObserver(metrics.registry, orders),
      inject: [ServiceMetrics, OrderRepository],
    },
  ],
})
export class OrdersModule {}
