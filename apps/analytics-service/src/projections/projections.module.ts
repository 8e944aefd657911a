import { Module } from '@nestjs/common';
import { AnalyticsController } from './api/analytics.controller';
import { GetSummaryHandler } from './application/get-summary/get-summary.handler';
import { SummaryReader } from './application/get-summary/summary-reader';
import { ProjectionStore } from './application/projection-store';
import { RecordOrdersHandler } from './application/record-orders/record-orders.handler';
import { RecordPaymentsHandler } from './application/record-payments/record-payments.handler';
import { RecordUsersHandler } from './application/record-users/record-users.handler';
import { PrismaProjectionStore } from './infrastructure/prisma-projection.store';
import { PrismaSummaryReader } from './infrastructure/prisma-summary.reader';
import { OrderEventsConsumer } from './messaging/order-events.consumer';
import { PaymentEventsConsumer } from './messaging/payment-events.consumer';
import { UserEventsConsumer } from './messaging/user-events.consumer';

/** Live projections of the business topics behind GET /analytics/summary. */
@Module({
  controllers: [
    AnalyticsController,
    UserEventsConsumer,
    OrderEventsConsumer,
    PaymentEventsConsumer,
  ],
  providers: [
    RecordUsersHandler,
    RecordOrdersHandler,
    RecordPaymentsHandler,
    GetSummaryHandler,
    { provide: ProjectionStore, useClass: PrismaProjectionStore },
    { provide: SummaryReader, useClass: PrismaSummaryReader },
  ],
})
export class ProjectionsModule {}
