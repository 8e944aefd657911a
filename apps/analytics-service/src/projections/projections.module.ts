import { Module } from '@nestjs/common';
import { AnalyticsController } from './api/analytics.controller';
import { SalesReportController } from './api/sales-report.controller';
import { GetSalesReportHandler } from './application/get-sales-report/get-sales-report.handler';
import { SalesReportReader } from './application/ports/sales-report-reader';
import { GetSummaryHandler } from './application/get-summary/get-summary.handler';
import { SummaryReader } from './application/ports/summary-reader';
import { ProjectionStore } from './application/ports/projection-store';
import { RecordOrdersHandler } from './application/record-orders/record-orders.handler';
import { RecordPaymentsHandler } from './application/record-payments/record-payments.handler';
import { RecordUsersHandler } from './application/record-users/record-users.handler';
import { PostgresProjectionStore } from './infrastructure/postgres-projection-store';
import { PrismaSalesReportReader } from './infrastructure/prisma-sales-report-reader';
import { PrismaSummaryReader } from './infrastructure/prisma-summary-reader';
import { OrderEventsConsumer } from './messaging/order-events.consumer';
import { PaymentEventsConsumer } from './messaging/payment-events.consumer';
import { UserEventsConsumer } from './messaging/user-events.consumer';

/**
 * Live projections of the business topics behind GET /analytics/summary and, per UTC day,
 * GET /analytics/reports/sales.
 */
@Module({
  controllers: [
    AnalyticsController,
    SalesReportController,
    UserEventsConsumer,
    OrderEventsConsumer,
    PaymentEventsConsumer,
  ],
  providers: [
    RecordUsersHandler,
    RecordOrdersHandler,
    RecordPaymentsHandler,
    GetSummaryHandler,
    GetSalesReportHandler,
    { provide: ProjectionStore, useClass: PostgresProjectionStore },
    { provide: SummaryReader, useClass: PrismaSummaryReader },
    { provide: SalesReportReader, useClass: PrismaSalesReportReader },
  ],
  // The dashboard shows the summary as GET /analytics/summary computes it.
  exports: [GetSummaryHandler],
})
export class ProjectionsModule {}
