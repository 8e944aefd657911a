import { Decimal } from '@kafka-commerce/money';
import { Injectable } from '@nestjs/common';
import { AnalyticsDatabase } from '../../database';
import { SalesReportReader } from '../application/ports/sales-report-reader';
import { REPORT_METRICS, type SalesFigures } from '../domain/sales-report';
import { startOfDay, type UtcDay, utcDayOf } from '../domain/utc-day';

/** Off the hot path (an admin's request), so through Prisma's typed client. */
@Injectable()
export class PrismaSalesReportReader extends SalesReportReader {
  constructor(private readonly db: AnalyticsDatabase) {
    super();
  }

  async figures(from: UtcDay, to: UtcDay): Promise<SalesFigures> {
    // A DATE column reads and compares as midnight UTC of its day.
    const day = { gte: startOfDay(from), lte: startOfDay(to) };
    // One snapshot for the three reads, so days and products agree with each other.
    const [days, cancellations, products] = await this.db.$transaction(
      [
        this.db.dailyCounter.findMany({ where: { day, metric: { in: [...REPORT_METRICS] } } }),
        this.db.dailyCancellation.findMany({ where: { day } }),
        this.db.dailyProductSales.groupBy({
          by: ['productId'],
          where: { day },
          _sum: { quantity: true, revenue: true },
          orderBy: { productId: 'asc' },
        }),
      ],
      { isolationLevel: 'RepeatableRead' },
    );
    return {
      days: days.flatMap((row) => {
        const metric = REPORT_METRICS.find((known) => known === row.metric);
        return metric
          ? [
              {
                day: utcDayOf(row.day),
                metric,
                count: Number(row.count),
                amount: new Decimal(row.amount.toString()),
              },
            ]
          : [];
      }),
      cancellations: cancellations.map((row) => ({
        day: utcDayOf(row.day),
        reason: row.reason,
        count: Number(row.count),
      })),
      products: products.map((row) => ({
        productId: row.productId,
        quantity: Number(row._sum?.quantity ?? 0),
        revenue: new Decimal(row._sum?.revenue?.toString() ?? '0'),
      })),
    };
  }
}
