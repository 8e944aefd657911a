import { type SalesReport, type SalesReportDay } from '../domain/sales-report';
import { type UtcDay } from '../domain/utc-day';
import { salesReportCsv, salesReportFileName } from './sales-report-csv';

const quiet = (date: string): SalesReportDay => ({
  date: date as UtcDay,
  ordersCreated: 0,
  ordersConfirmed: 0,
  ordersCancelled: 0,
  cancelledByReason: {},
  revenue: '0.00',
  paymentsSucceeded: 0,
  paymentsFailed: 0,
  paymentSuccessRate: null,
});

const report: SalesReport = {
  from: '2026-12-01' as UtcDay,
  to: '2026-12-02' as UtcDay,
  days: [
    {
      ...quiet('2026-12-01'),
      ordersCreated: 4,
      ordersConfirmed: 2,
      ordersCancelled: 2,
      cancelledByReason: { out_of_stock: 1, 'odd, "quoted"\nreason': 1 },
      revenue: '1234.50',
      paymentsSucceeded: 3,
      paymentsFailed: 1,
      paymentSuccessRate: '0.7500',
    },
    { ...quiet('2026-12-02'), cancelledByReason: { card_declined: 1 }, ordersCancelled: 1 },
  ],
  products: [
    { productId: '11111111-1111-4111-8111-111111111111', unitsSold: 3, revenue: '1000.00' },
    { productId: '22222222-2222-4222-8222-222222222222', unitsSold: 1, revenue: '234.50' },
  ],
};

describe('salesReportCsv', () => {
  it('writes the days table, an empty line, then the products table (RFC 4180)', () => {
    expect(salesReportCsv(report)).toBe(
      [
        'date,ordersCreated,ordersConfirmed,ordersCancelled,revenue,paymentsSucceeded,paymentsFailed,paymentSuccessRate,cancelledByReason:card_declined,"cancelledByReason:odd, ""quoted""\nreason",cancelledByReason:out_of_stock',
        '2026-12-01,4,2,2,1234.50,3,1,0.7500,0,1,1',
        '2026-12-02,0,0,1,0.00,0,0,,1,0,0',
        '',
        'productId,unitsSold,revenue',
        '11111111-1111-4111-8111-111111111111,3,1000.00',
        '22222222-2222-4222-8222-222222222222,1,234.50',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps the header rows when there is nothing to report', () => {
    expect(salesReportCsv({ ...report, days: [quiet('2026-12-01')], products: [] })).toBe(
      'date,ordersCreated,ordersConfirmed,ordersCancelled,revenue,paymentsSucceeded,paymentsFailed,paymentSuccessRate\r\n' +
        '2026-12-01,0,0,0,0.00,0,0,\r\n' +
        '\r\n' +
        'productId,unitsSold,revenue\r\n',
    );
  });

  it('names the attachment after the range', () => {
    expect(salesReportFileName(report)).toBe('sales-2026-12-01-2026-12-02.csv');
  });
});
