import { Injectable } from '@nestjs/common';
import { buildSummary, type Summary, TOP_PRODUCTS } from '../../domain/summary';
import { SummaryReader } from '../ports/summary-reader';

@Injectable()
export class GetSummaryHandler {
  constructor(private readonly reader: SummaryReader) {}

  async execute(): Promise<Summary> {
    const [totals, topProducts] = await Promise.all([
      this.reader.totals(),
      this.reader.topProducts(TOP_PRODUCTS),
    ]);
    return buildSummary(totals, topProducts);
  }
}
