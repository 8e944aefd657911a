import { Module } from '@nestjs/common';
import { ApplyOrderEventsHandler } from './application/apply-order-events/apply-order-events.handler';
import { ConfirmReservationHandler } from './application/confirm-reservation/confirm-reservation.handler';
import { StockLedger } from './application/ports/stock-ledger';
import { ReleaseReservationHandler } from './application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from './application/reserve-stock/reserve-stock.handler';
import { PrismaStockLedger } from './infrastructure/prisma-stock-ledger';
import { OrderEventsConsumer } from './messaging/order-events.consumer';

@Module({
  controllers: [OrderEventsConsumer],
  providers: [
    ApplyOrderEventsHandler,
    ReserveStockHandler,
    ConfirmReservationHandler,
    ReleaseReservationHandler,
    { provide: StockLedger, useClass: PrismaStockLedger },
  ],
})
export class ReservationsModule {}
