import { Decimal } from '@kafka-commerce/money';
import { buildSalesReport, type SalesFigures, successRate } from './sales-report';
import { type UtcDay } from './utc-day';

const day = (text: string) => text as UtcDay;
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const P3 = '33333333-3333-4333-8333-333333333333';

const none: SalesFigures = { days: [], cancellations: [], products: [] };

describe('buildSalesReport', () => {
  it('lists every day of the range, zeros on a quiet day', () => {
    const report = buildSalesReport(day('2026-11-30'), day('2026-12-02'), none);
    expect(report).toEqual({
      from: '2026-11-30',
      to: '2026-12-02',
      days: ['2026-11-30', '2026-12-01', '2026-12-02'].map((date) => ({
        date,
        ordersCreated: 0,
        ordersConfirmed: 0,
        ordersCancelled: 0,
        cancelledByReason: {},
        revenue: '0.00',
        paymentsSucceeded: 0,
        paymentsFailed: 0,
        paymentSuccessRate: null,
      })),
      products: [],
    });
  });

  it("puts each figure on its day, revenue as money and the day's payment success rate", () => {
    const report = buildSalesReport(day('2026-12-01'), day('2026-12-02'), {
      days: [
        { day: day('2026-12-02'), metric: 'orders.created', count: 5, amount: new Decimal('90.3') },
        {
          day: day('2026-12-02'),
          metric: 'orders.confirmed',
          count: 3,
          amount: new Decimal('60.1'),
        },
        {
          day: day('2026-12-02'),
          metric: 'orders.cancelled',
          count: 2,
          amount: new Decimal('30.2'),
        },
        { day: day('2026-12-02'), metric: 'payments.succeeded', count: 2, amount: new Decimal(1) },
        { day: day('2026-12-02'), metric: 'payments.failed', count: 1, amount: new Decimal(1) },
        { day: day('2026-12-01'), metric: 'payments.failed', count: 1, amount: new Decimal(1) },
      ],
      cancellations: [
        { day: day('2026-12-02'), reason: 'out_of_stock', count: 1 },
        { day: day('2026-12-02'), reason: 'card_declined', count: 1 },
        { day: day('2026-12-01'), reason: 'gone', count: 0 },
      ],
      products: [],
    });
    expect(report.days).toEqual([
      expect.objectContaining({
        date: '2026-12-01',
        ordersCreated: 0,
        cancelledByReason: {},
        revenue: '0.00',
        paymentsFailed: 1,
        paymentSuccessRate: '0.0000',
      }),
      {
        date: '2026-12-02',
        ordersCreated: 5,
        ordersConfirmed: 3,
        ordersCancelled: 2,
        cancelledByReason: { card_declined: 1, out_of_stock: 1 },
        revenue: '60.10',
        paymentsSucceeded: 2,
        paymentsFailed: 1,
        paymentSuccessRate: '0.6667',
      },
    ]);
    expect(Object.keys(report.days[1]?.cancelledByReason ?? {})).toEqual([
      'card_declined',
      'out_of_stock',
    ]);
  });

  it('ranks products by revenue, ties by product id, leaving out those with nothing sold', () => {
    const report = buildSalesReport(day('2026-12-01'), day('2026-12-01'), {
      ...none,
      products: [
        { productId: P3, quantity: 1, revenue: new Decimal('10') },
        { productId: P2, quantity: 0, revenue: new Decimal('0') },
        { productId: P1, quantity: 4, revenue: new Decimal('10.00') },
        {
          productId: '00000000-0000-4000-8000-000000000000',
          quantity: 2,
          revenue: new Decimal('0.3'),
        },
        {
          productId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
          quantity: 1,
          revenue: new Decimal('100.005'),
        },
      ],
    });
    expect(report.products).toEqual([
      { productId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', unitsSold: 1, revenue: '100.01' },
      { productId: P1, unitsSold: 4, revenue: '10.00' },
      { productId: P3, unitsSold: 1, revenue: '10.00' },
      { productId: '00000000-0000-4000-8000-000000000000', unitsSold: 2, revenue: '0.30' },
    ]);
  });

  it('keeps a reason named like an object property as data', () => {
    const report = buildSalesReport(day('2026-12-01'), day('2026-12-01'), {
      ...none,
      cancellations: [{ day: day('2026-12-01'), reason: '__proto__', count: 2 }],
    });
    expect(Object.entries(report.days[0]?.cancelledByReason ?? {})).toEqual([['__proto__', 2]]);
  });
});

describe('successRate', () => {
  it('is a 4-place decimal string, rounded half-up; null without payments', () => {
    expect(successRate(0, 0)).toBeNull();
    expect(successRate(3, 1)).toBe('0.7500');
    expect(successRate(1, 31)).toBe('0.0313');
    expect(successRate(5, 0)).toBe('1.0000');
    expect(successRate(0, 5)).toBe('0.0000');
  });
});
