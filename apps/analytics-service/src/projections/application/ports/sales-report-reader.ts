import { type SalesFigures } from '../../domain/sales-report';
import { type UtcDay } from '../../domain/utc-day';

/** Port: the per-day projections of a range of UTC days, both ends included. */
export abstract class SalesReportReader {
  /** One consistent read: every figure comes from the same committed state. */
  abstract figures(from: UtcDay, to: UtcDay): Promise<SalesFigures>;
}
