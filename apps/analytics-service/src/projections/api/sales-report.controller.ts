import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '@kafka-commerce/auth';
import { GetSalesReportHandler } from '../application/get-sales-report/get-sales-report.handler';
import { MAX_REPORT_DAYS, type SalesReport } from '../domain/sales-report';
import { acceptsCsv } from './accepts-csv';
import { CSV_CONTENT_TYPE, salesReportCsv, salesReportFileName } from './sales-report-csv';
import { reportRangeOf, SalesReportQuery } from './sales-report.query';
import { SalesReportResponse } from './sales-report.response';

/** The part of Fastify's reply this controller touches (structural: no platform import). */
interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

@ApiTags('analytics')
@Controller('analytics/reports')
export class SalesReportController {
  constructor(private readonly getSalesReport: GetSalesReportHandler) {}

  @Get('sales')
  @AdminOnly()
  @ApiOperation({
    summary: `Sales per UTC day and per product over from…to (at most ${MAX_REPORT_DAYS} days)`,
    description:
      "Built from the projections of the order and payment events: an order counts as created on its createdAt's UTC day, " +
      "as confirmed (with its revenue and units) on its confirmedAt's day while it stays CONFIRMED, and as cancelled on its cancelledAt's day; " +
      "a payment on its processedAt's day. Never the time analytics consumed the event, so redelivery and replays change nothing. " +
      'With `Accept: text/csv` the same as CSV (RFC 4180), an attachment `sales-<from>-<to>.csv` holding two tables, ' +
      'each with a header row, separated by an empty line: the days (date, ordersCreated, ordersConfirmed, ordersCancelled, revenue, ' +
      'paymentsSucceeded, paymentsFailed, paymentSuccessRate — empty when null — and one cancelledByReason:<reason> column per reason in the range), ' +
      'then the products (productId, unitsSold, revenue).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SalesReportResponse })
  @ApiBadRequestResponse({
    description: `from or to not a YYYY-MM-DD day, to before from, or more than ${MAX_REPORT_DAYS} days`,
  })
  async sales(
    @Query() query: SalesReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<SalesReportResponse | string> {
    const report = await this.getSalesReport.execute(reportRangeOf(query));
    reply.header('Vary', 'Accept');
    if (!acceptsCsv(accept)) return toResponse(report);
    reply.header('Content-Type', CSV_CONTENT_TYPE);
    reply.header('Content-Disposition', `attachment; filename="${salesReportFileName(report)}"`);
    return salesReportCsv(report);
  }
}

function toResponse(report: SalesReport): SalesReportResponse {
  return {
    from: report.from,
    to: report.to,
    days: report.days.map((day) => ({ ...day, cancelledByReason: { ...day.cancelledByReason } })),
    products: report.products.map((product) => ({ ...product })),
  };
}
