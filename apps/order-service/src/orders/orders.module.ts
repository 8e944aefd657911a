import { Module } from '@nestjs/common';
import { ServiceMetrics } from '@kafka-commerce/platform';
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
import { PrismaPriceCatalog } from './infrastructure/prisma-price-catalog';
import { SagaMetrics } from './infrastructure/saga-metrics';
import { PaymentEventsConsumer } from './messaging/payment-events.consumer';
import { ReservationEventsConsumer } from './messaging/reservation-events.consumer';

@Module({
  controllers: [OrdersController, ReservationEventsConsumer, PaymentEventsConsumer],
  providers: [
    ordersHttpErrors,
    PlaceOrderHandler,
    GetOrderHandler,
    ListOrdersHandler,
    CancelOrderHandler,
    SettleOrderHandler,
    { provide: OrderRepository, useClass: PrismaOrderRepository },
    { provide: PriceCatalog, useClass: PrismaPriceCatalog },
    {
      provide: SettlementObserver,
      useFactory: (metrics: ServiceMetrics, orders: OrderRepository) =>
        new SagaMetrics(metrics.registry, orders),
      inject: [ServiceMetrics, OrderRepository],
    },
  ],
})
export class OrdersModule {}
