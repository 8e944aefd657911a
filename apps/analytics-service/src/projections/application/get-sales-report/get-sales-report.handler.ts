import { Injectable } from '@nestjs/common';
import { buildSalesReport, type SalesReport } from '../../domain/sales-report';
import { type UtcDay } from '../../domain/utc-day';
import { SalesReportReader } from '../ports/sales-report-reader';

export interface GetSalesReport {
  readonly from: UtcDay;
  readonly to: UtcDay;
}

/** The sales report of a range of UTC days, from the per-day projections. */
@Injectable()
export class GetSalesReportHandler {
  constructor(private readonly reader: SalesReportReader) {}

  async execute({ from, to }: GetSalesReport): Promise<SalesReport> {
    return buildSalesReport(from, to, await this.reader.figures(from, to));
  }
}
