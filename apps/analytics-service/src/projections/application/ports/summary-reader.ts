import { type ProductSalesTotal } from '../../domain/summary';
import { type CounterChange, type Metric } from '../../domain/summary-delta';

/** Port: the running totals as stored. */
export abstract class SummaryReader {
  abstract totals(): Promise<Map<Metric, CounterChange>>;
  /** The products with the most units in CONFIRMED orders (ties by product id). */
  abstract topProducts(limit: number): Promise<ProductSalesTotal[]>;
}
