// What the dashboard shows of the projections: the summary as GET /analytics/summary
// computes it, and the order statuses counted per minute.
export { GetSummaryHandler } from './application/get-summary/get-summary.handler';
export { type Summary } from './domain/summary';
export { type OrderMinuteStatus } from './domain/summary-delta';
export { ProjectionsModule } from './projections.module';
