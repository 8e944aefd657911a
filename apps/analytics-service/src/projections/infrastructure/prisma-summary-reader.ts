import { Decimal } from '@kafka-commerce/money';
import { Injectable } from '@nestjs/common';
import { AnalyticsDatabase } from '../../database';
import { SummaryReader } from '../application/ports/summary-reader';
import { type ProductSalesTotal } from '../domain/summary';
import { type CounterChange, type Metric, METRICS } from '../domain/summary-delta';

@Injectable()
export class PrismaSummaryReader extends SummaryReader {
  constructor(private readonly db: AnalyticsDatabase) {
    super();
  }

  async totals(): Promise<Map<Metric, CounterChange>> {
    const rows = await this.db.summaryCounter.findMany();
    const totals = new Map<Metric, CounterChange>();
    for (const row of rows) {
      const metric = METRICS.find((known) => known === row.metric);
      if (metric) {
        totals.set(metric, {
          count: Number(row.count),
          amount: new Decimal(row.amount.toString()),
        });
      }
    }
    return totals;
  }

  async topProducts(limit: number): Promise<ProductSalesTotal[]> {
    const rows = await this.db.productSales.findMany({
      where: { quantity: { gt: 0 } },
      orderBy: [{ quantity: 'desc' }, { productId: 'asc' }],
      take: limit,
    });
    return rows.map((row) => ({
      productId: row.productId,
      quantity: Number(row.quantity),
      revenue: new Decimal(row.revenue.toString()),
    }));
  }
}
