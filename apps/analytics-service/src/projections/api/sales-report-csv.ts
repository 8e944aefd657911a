import { type SalesReport } from '../domain/sales-report';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * The report as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break, quotes doubled). Two tables, each with its own header row, separated by
 * one empty line:
 *
 *   date,ordersCreated,ordersConfirmed,ordersCancelled,revenue,paymentsSucceeded,
 *     paymentsFailed,paymentSuccessRate,cancelledByReason:<reason>…  — one row per day
 *   (empty line)
 *   productId,unitsSold,revenue                                      — one row per product
 *
 * with one `cancelledByReason:<reason>` column per reason seen in the range (sorted, 0 on a
 * day without it) and an empty paymentSuccessRate on a day without payments.
 */
export function salesReportCsv(report: SalesReport): string {
  const reasons = [
    ...new Set(report.days.flatMap((day) => Object.keys(day.cancelledByReason))),
  ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const days = [
    [
      'date',
      'ordersCreated',
      'ordersConfirmed',
      'ordersCancelled',
      'revenue',
      'paymentsSucceeded',
      'paymentsFailed',
      'paymentSuccessRate',
      ...reasons.map((reason) => `cancelledByReason:${reason}`),
    ],
    ...report.days.map((day) => [
      day.date,
      String(day.ordersCreated),
      String(day.ordersConfirmed),
      String(day.ordersCancelled),
      day.revenue,
      String(day.paymentsSucceeded),
      String(day.paymentsFailed),
      day.paymentSuccessRate ?? '',
      ...reasons.map((reason) => String(day.cancelledByReason[reason] ?? 0)),
    ]),
  ];
  const products = [
    ['productId', 'unitsSold', 'revenue'],
    ...report.products.map((product) => [
      product.productId,
      String(product.unitsSold),
      product.revenue,
    ]),
  ];
  return [...days.map(csvRecord), '', ...products.map(csvRecord)].join('\r\n') + '\r\n';
}

/** The attachment name: `sales-<from>-<to>.csv`. */
export function salesReportFileName(report: Pick<SalesReport, 'from' | 'to'>): string {
  return `sales-${report.from}-${report.to}.csv`;
}

function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
