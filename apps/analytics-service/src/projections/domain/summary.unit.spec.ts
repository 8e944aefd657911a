import { Decimal } from '@kafka-commerce/money';
import { buildSummary, paymentSuccessRate } from './summary';
import { type CounterChange, type Metric } from './summary-delta';

const total = (count: number, amount = '0'): CounterChange => ({
  count,
  amount: new Decimal(amount),
});

describe('paymentSuccessRate', () => {
  it('is null before any payment was processed', () => {
    expect(paymentSuccessRate(0, 0)).toBeNull();
  });

  it('is SUCCEEDED / (SUCCEEDED + FAILED), rounded half-up to 4 decimals', () => {
    expect(paymentSuccessRate(2, 1)).toBe(0.6667);
    expect(paymentSuccessRate(1, 2)).toBe(0.3333);
    expect(paymentSuccessRate(1, 7)).toBe(0.125);
    // 1/32 = 0.03125 exactly: the half rounds up.
    expect(paymentSuccessRate(1, 31)).toBe(0.0313);
  });

  it('is 0 when every payment failed and 1 when every one succeeded', () => {
    expect(paymentSuccessRate(0, 5)).toBe(0);
    expect(paymentSuccessRate(5, 0)).toBe(1);
  });
});

describe('buildSummary', () => {
  it('starts at zero with no revenue and no rate', () => {
    expect(buildSummary(new Map(), [])).toEqual({
      usersRegistered: 0,
      orders: { created: 0, confirmed: 0, cancelled: 0 },
      revenue: '0.00',
      paymentSuccessRate: null,
      topProducts: [],
    });
  });

  it('reports the confirmed amount as revenue, as a two-decimal string', () => {
    const totals = new Map<Metric, CounterChange>([
      ['users.registered', total(3)],
      ['orders.created', total(5, '150.3')],
      ['orders.confirmed', total(3, '100.1')],
      ['orders.cancelled', total(1, '20')],
      ['payments.succeeded', total(3, '100.1')],
      ['payments.failed', total(1, '30')],
    ]);
    const summary = buildSummary(totals, [
      { productId: 'p-a', quantity: 4, revenue: new Decimal('79.96') },
    ]);
    expect(summary).toEqual({
      usersRegistered: 3,
      orders: { created: 5, confirmed: 3, cancelled: 1 },
      revenue: '100.10',
      paymentSuccessRate: 0.75,
      topProducts: [{ productId: 'p-a', quantity: 4, revenue: '79.96' }],
    });
  });
});
