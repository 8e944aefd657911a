import {
  applyOrderFact,
  type OrderFact,
  type OrderState,
  type PricedLine,
} from './order-projection';
import { SummaryDelta } from './summary-delta';
import { type UtcDay, utcDayOf } from './utc-day';
import { utcMinuteOf } from './utc-minute';

const ORDER = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';
const lines: PricedLine[] = [
  { productId: 'p-a', quantity: 2, unitPrice: '19.99' },
  { productId: 'p-b', quantity: 1, unitPrice: '5.00' },
];
// Placed just before midnight UTC, confirmed just after, cancelled two days later.
const PLACED = utcDayOf('2026-11-26T23:59:59.900Z');
const CONFIRMED = utcDayOf('2026-11-27T01:00:00.100+01:00');
const CANCELLED = utcDayOf('2026-11-29T10:00:00.000Z');
const created: OrderFact = {
  kind: 'created',
  orderId: ORDER,
  totalAmount: '44.98',
  lines,
  on: PLACED,
  at: utcMinuteOf('2026-11-26T23:59:59.900Z'),
};
const confirmed: OrderFact = {
  ...created,
  kind: 'confirmed',
  on: CONFIRMED,
  at: utcMinuteOf('2026-11-27T01:00:00.100+01:00'),
};
const cancelled: OrderFact = {
  kind: 'cancelled',
  orderId: ORDER,
  reason: 'card_declined',
  on: CANCELLED,
  at: utcMinuteOf('2026-11-29T10:00:00.000Z'),
};

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
    days: delta
      .dailyCounters()
      .map(({ day, key, change }) => [day, key, change.count, change.amount.toFixed(2)]),
    productDays: delta
      .dailyProducts()
      .map(({ day, key, change }) => [day, key, change.quantity, change.revenue.toFixed(2)]),
    cancellations: delta.cancellations().map(({ day, key, change }) => [day, key, change]),
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
      on: CONFIRMED,
      at: utcMinuteOf('2026-11-27T00:00:00.100Z'),
    }));
    const delta = new SummaryDelta();
    for (const fact of facts) applyOrderFact(undefined, fact, delta);
    const confirmedChange = delta.counters().find(([metric]) => metric === 'orders.confirmed');
    expect(confirmedChange?.[1].amount.toFixed()).toBe('0.9');
    expect(delta.products()[0]?.[1].revenue.toFixed()).toBe('0.9');
    expect(delta.dailyProducts()[0]?.change.revenue.toFixed()).toBe('0.9');
  });
});

describe("applyOrderFact per UTC day (of the events' own timestamps)", () => {
  it('puts the creation on the createdAt day and the confirmation on the confirmedAt day', () => {
    expect([PLACED, CONFIRMED, CANCELLED]).toEqual(['2026-11-26', '2026-11-27', '2026-11-29']);
    const result = run([created, confirmed]);
    expect(result.days).toEqual([
      [PLACED, 'orders.created', 1, '44.98'],
      [CONFIRMED, 'orders.confirmed', 1, '44.98'],
    ]);
    expect(result.productDays).toEqual([
      [CONFIRMED, 'p-a', 2, '39.98'],
      [CONFIRMED, 'p-b', 1, '5.00'],
    ]);
    expect(result.state?.confirmedOn).toBe(CONFIRMED);
  });

  it('counts a cancellation on its day and reason, and takes a confirmation back from its day', () => {
    const confirmedOrder = run([created, confirmed]).state;
    const result = run([cancelled], confirmedOrder);
    expect(result.days).toEqual([
      [CONFIRMED, 'orders.confirmed', -1, '-44.98'],
      [CANCELLED, 'orders.cancelled', 1, '44.98'],
    ]);
    expect(result.productDays).toEqual([
      [CONFIRMED, 'p-a', -2, '-39.98'],
      [CONFIRMED, 'p-b', -1, '-5.00'],
    ]);
    expect(result.cancellations).toEqual([[CANCELLED, 'card_declined', 1]]);
  });

  it('changes no day on a repeated or late fact', () => {
    const cancelledOrder = run([created, confirmed, cancelled]).state;
    const result = run(
      [created, confirmed, cancelled, { ...cancelled, reason: 'other' }],
      cancelledOrder,
    );
    expect(result.days).toEqual([]);
    expect(result.productDays).toEqual([]);
    expect(result.cancellations).toEqual([]);
  });

  it('takes back only the totals of an order confirmed before days were kept', () => {
    const legacy: OrderState = {
      orderId: ORDER,
      status: 'CONFIRMED',
      totalAmount: '44.98',
      lines,
      confirmedOn: null,
    };
    const result = run([cancelled], legacy);
    expect(result.counters).toEqual({
      'orders.confirmed': [-1, '-44.98'],
      'orders.cancelled': [1, '44.98'],
    });
    expect(result.days).toEqual([[CANCELLED, 'orders.cancelled', 1, '44.98']]);
    expect(result.productDays).toEqual([]);
  });

  it('counts an order first seen through its cancellation as created on that day', () => {
    const result = run([cancelled]);
    expect(result.days).toEqual([
      [CANCELLED, 'orders.cancelled', 1, '0.00'],
      [CANCELLED, 'orders.created', 1, '0.00'],
    ]);
    expect(result.cancellations).toEqual([[CANCELLED, 'card_declined', 1]]);
  });

  it('adds the orders of one day together', () => {
    const delta = new SummaryDelta();
    const day: UtcDay = PLACED;
    for (const suffix of ['a', 'b', 'c']) {
      applyOrderFact(undefined, { ...created, orderId: `${ORDER}-${suffix}`, on: day }, delta);
    }
    expect(delta.dailyCounters()).toEqual([
      { day, key: 'orders.created', change: { count: 3, amount: expect.anything() } },
    ]);
    expect(delta.dailyCounters()[0]?.change.amount.toFixed(2)).toBe('134.94');
  });
});

describe("applyOrderFact per UTC minute (of the events' own timestamps)", () => {
  const minutes = (facts: readonly OrderFact[], initial?: OrderState) => {
    const delta = new SummaryDelta();
    let state = initial;
    for (const fact of facts) state = applyOrderFact(state, fact, delta);
    return delta.orderMinutes().map(({ minute, status, count }) => [minute, status, count]);
  };

  it('counts each transition in its own minute, and a cancellation takes no confirmation back', () => {
    expect(minutes([created, confirmed, cancelled])).toEqual([
      ['2026-11-26T23:59:00.000Z', 'created', 1],
      ['2026-11-27T00:00:00.000Z', 'confirmed', 1],
      ['2026-11-29T10:00:00.000Z', 'cancelled', 1],
    ]);
  });

  it('changes no minute on a repeated or late fact', () => {
    expect(minutes([created, created, confirmed, confirmed, cancelled, confirmed])).toHaveLength(3);
  });

  it('counts an order first seen through a later event as created in that minute', () => {
    expect(minutes([cancelled])).toEqual([
      ['2026-11-29T10:00:00.000Z', 'cancelled', 1],
      ['2026-11-29T10:00:00.000Z', 'created', 1],
    ]);
  });
});
