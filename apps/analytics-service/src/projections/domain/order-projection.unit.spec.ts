import {
  applyOrderFact,
  type OrderFact,
  type OrderState,
  type PricedLine,
} from './order-projection';
import { SummaryDelta } from './summary-delta';

const ORDER = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';
const lines: PricedLine[] = [
  { productId: 'p-a', quantity: 2, unitPrice: '19.99' },
  { productId: 'p-b', quantity: 1, unitPrice: '5.00' },
];
const created: OrderFact = { kind: 'created', orderId: ORDER, totalAmount: '44.98', lines };
const confirmed: OrderFact = { kind: 'confirmed', orderId: ORDER, totalAmount: '44.98', lines };
const cancelled: OrderFact = { kind: 'cancelled', orderId: ORDER };

/** Applies facts in order; returns the final state and the net delta as plain values. */
function run(facts: readonly OrderFact[], initial?: OrderState) {
  const delta = new SummaryDelta();
  let state = initial;
  for (const fact of facts) state = applyOrderFact(state, fact, delta);
  return {
    state,
    counters: Object.fromEntries(
      delta
        .counters()
        .map(([metric, change]) => [metric, [change.count, change.amount.toFixed(2)]]),
    ),
    products: Object.fromEntries(
      delta.products().map(([id, change]) => [id, [change.quantity, change.revenue.toFixed(2)]]),
    ),
  };
}

describe('applyOrderFact', () => {
  it('counts a new order as created and PENDING', () => {
    const result = run([created]);
    expect(result.state).toMatchObject({ status: 'PENDING', totalAmount: '44.98' });
    expect(result.counters).toEqual({ 'orders.created': [1, '44.98'] });
    expect(result.products).toEqual({});
  });

  it('adds revenue and units when the order is confirmed', () => {
    const result = run([created, confirmed]);
    expect(result.state?.status).toBe('CONFIRMED');
    expect(result.counters).toEqual({
      'orders.created': [1, '44.98'],
      'orders.confirmed': [1, '44.98'],
    });
    expect(result.products).toEqual({ 'p-a': [2, '39.98'], 'p-b': [1, '5.00'] });
  });

  it('takes revenue and units back when a confirmed order is cancelled', () => {
    const confirmedOrder = run([created, confirmed]).state;
    const result = run([cancelled], confirmedOrder);
    expect(result.state).toMatchObject({ status: 'CANCELLED', totalAmount: '44.98', lines });
    expect(result.counters).toEqual({
      'orders.confirmed': [-1, '-44.98'],
      'orders.cancelled': [1, '44.98'],
    });
    expect(result.products).toEqual({ 'p-a': [-2, '-39.98'], 'p-b': [-1, '-5.00'] });
  });

  it('nets out to nothing confirmed when created, confirmed and cancelled in one batch', () => {
    const result = run([created, confirmed, cancelled]);
    expect(result.counters).toEqual({
      'orders.created': [1, '44.98'],
      'orders.cancelled': [1, '44.98'],
    });
    expect(result.products).toEqual({});
  });

  it('cancels a pending order without touching revenue', () => {
    const result = run([created, cancelled]);
    expect(result.counters).toEqual({
      'orders.created': [1, '44.98'],
      'orders.cancelled': [1, '44.98'],
    });
  });

  it('changes nothing on a repeated status (the same fact under another event id)', () => {
    const confirmedOrder = run([created, confirmed]).state;
    const result = run([created, confirmed], confirmedOrder);
    expect(result.state).toBe(confirmedOrder);
    expect(result.counters).toEqual({});
  });

  it('treats CANCELLED as final', () => {
    const cancelledOrder = run([created, cancelled]).state;
    const result = run([confirmed, created, cancelled], cancelledOrder);
    expect(result.state).toBe(cancelledOrder);
    expect(result.counters).toEqual({});
  });

  it('still counts an order first seen through its confirmation or cancellation', () => {
    expect(run([confirmed]).counters).toEqual({
      'orders.created': [1, '44.98'],
      'orders.confirmed': [1, '44.98'],
    });
    const cancelledOnly = run([cancelled]);
    expect(cancelledOnly.state).toMatchObject({
      status: 'CANCELLED',
      totalAmount: null,
      lines: [],
    });
    expect(cancelledOnly.counters).toEqual({
      'orders.created': [1, '0.00'],
      'orders.cancelled': [1, '0.00'],
    });
  });

  it('adds money exactly (no float drift)', () => {
    const cheap: PricedLine[] = [{ productId: 'p-c', quantity: 3, unitPrice: '0.10' }];
    const facts: OrderFact[] = ['a', 'b', 'c'].map((suffix) => ({
      kind: 'confirmed',
      orderId: `${ORDER}-${suffix}`,
      totalAmount: '0.30',
      lines: cheap,
    }));
    const delta = new SummaryDelta();
    for (const fact of facts) applyOrderFact(undefined, fact, delta);
    const confirmedChange = delta.counters().find(([metric]) => metric === 'orders.confirmed');
    expect(confirmedChange?.[1].amount.toFixed()).toBe('0.9');
    expect(delta.products()[0]?.[1].revenue.toFixed()).toBe('0.9');
  });
});
