import { Decimal } from '@kafka-commerce/money';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { AuthGuard, REQUIRED_ROLE } from '@kafka-commerce/auth';
import { GetSalesReportHandler } from '../application/get-sales-report/get-sales-report.handler';
import { SalesReportReader } from '../application/ports/sales-report-reader';
import { type SalesFigures } from '../domain/sales-report';
import { type UtcDay } from '../domain/utc-day';
import { SalesReportController } from './sales-report.controller';
import { type SalesReportQuery } from './sales-report.query';

const PRODUCT = '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c';

class FixedReader extends SalesReportReader {
  calls: [UtcDay, UtcDay][] = [];

  figures(from: UtcDay, to: UtcDay): Promise<SalesFigures> {
    this.calls.push([from, to]);
    return Promise.resolve({
      days: [
        { day: to, metric: 'orders.confirmed', count: 1, amount: new Decimal('25.5') },
        { day: to, metric: 'payments.succeeded', count: 1, amount: new Decimal('25.5') },
      ],
      cancellations: [{ day: from, reason: 'out_of_stock', count: 1 }],
      products: [{ productId: PRODUCT, quantity: 2, revenue: new Decimal('25.5') }],
    });
  }
}

function setup() {
  const reader = new FixedReader();
  const headers = new Map<string, string>();
  const reply = { header: (name: string, value: string) => headers.set(name, value) };
  const controller = new SalesReportController(new GetSalesReportHandler(reader));
  const query: SalesReportQuery = { from: '2026-12-01', to: '2026-12-02' };
  return { reader, headers, reply, controller, query };
}

describe('GET /analytics/reports/sales', () => {
  it('is for admins only', () => {
    const handler = SalesReportController.prototype.sales;
    expect(Reflect.getMetadata(GUARDS_METADATA, handler)).toEqual([AuthGuard]);
    expect(Reflect.getMetadata(REQUIRED_ROLE, handler)).toBe('admin');
  });

  it('answers JSON by default', async () => {
    const { reader, headers, reply, controller, query } = setup();
    const body = await controller.sales(query, 'application/json', reply);
    expect(reader.calls).toEqual([['2026-12-01', '2026-12-02']]);
    expect(body).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-02',
      days: [
        { date: '2026-12-01', ordersCancelled: 0, cancelledByReason: { out_of_stock: 1 } },
        { date: '2026-12-02', ordersConfirmed: 1, revenue: '25.50', paymentSuccessRate: '1.0000' },
      ],
      products: [{ productId: PRODUCT, unitsSold: 2, revenue: '25.50' }],
    });
    expect(headers.get('Content-Type')).toBeUndefined();
    expect(headers.get('Vary')).toBe('Accept');
  });

  it('answers the same as a CSV attachment to Accept: text/csv', async () => {
    const { headers, reply, controller, query } = setup();
    const body = await controller.sales(query, 'text/csv', reply);
    expect(headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('Content-Disposition')).toBe(
      'attachment; filename="sales-2026-12-01-2026-12-02.csv"',
    );
    expect(typeof body === 'string' && body.split('\r\n')).toEqual([
      'date,ordersCreated,ordersConfirmed,ordersCancelled,revenue,paymentsSucceeded,paymentsFailed,paymentSuccessRate,cancelledByReason:out_of_stock',
      '2026-12-01,0,0,0,0.00,0,0,,1',
      '2026-12-02,0,1,0,25.50,1,0,1.0000,0',
      '',
      'productId,unitsSold,revenue',
      `${PRODUCT},2,25.50`,
      '',
    ]);
  });
});
