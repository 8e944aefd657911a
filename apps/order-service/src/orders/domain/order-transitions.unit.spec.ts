import { Decimal } from '@kafka-commerce/money';
import { type Order, placeOrder } from './order';
import { IllegalTransitionError, OrderAlreadyCancelledError } from './order.errors';
import { canTransition, ORDER_STATUSES, type OrderStatus } from './order-status';
import {
  CANCELLED_BY_CUSTOMER,
  cancelByCustomer,
  cancelPending,
  confirm,
  transition,
} from './order-transitions';

const placedAt = new Date('2026-11-26T10:00:00.000Z');
const later = new Date('2026-11-26T10:00:05.000Z');

function pending(): Order {
  return placeOrder({
    id: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
    userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
    lines: [
      {
        productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
        quantity: 2,
        unitPrice: new Decimal('19.99'),
      },
    ],
    totalAmount: new Decimal('39.98'),
    shippingAddress: { street: '1 Road', city: 'London', postalCode: 'N1', country: 'GB' },
    paymentMethod: 'card',
    idempotencyKey: null,
    at: placedAt,
  });
}

const confirmed = (): Order => transition(pending(), 'CONFIRMED', null, later);
const cancelled = (): Order => transition(pending(), 'CANCELLED', 'out_of_stock', later);
const inStatus: Record<OrderStatus, () => Order> = {
  PENDING: pending,
  CONFIRMED: confirmed,
  CANCELLED: cancelled,
};

describe('placeOrder', () => {
  it('starts PENDING with one history entry and no cancellation reason', () => {
    const order = pending();
    expect(order.status).toBe('PENDING');
    expect(order.history).toEqual([{ status: 'PENDING', reason: null, at: placedAt }]);
    expect(order.cancellationReason).toBeNull();
    expect(order.createdAt).toEqual(placedAt);
    expect(order.updatedAt).toEqual(placedAt);
  });
});

describe('the order state machine', () => {
  const allowed: [OrderStatus, OrderStatus][] = [
    ['PENDING', 'CONFIRMED'],
    ['PENDING', 'CANCELLED'],
    ['CONFIRMED', 'CANCELLED'],
  ];
  const pairs = ORDER_STATUSES.flatMap((from) =>
    ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]),
  );

  it.each(pairs)('%s → %s is allowed only if the saga defines it', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) {
      const moved = transition(inStatus[from](), to, to === 'CANCELLED' ? 'why' : null, later);
      expect(moved.status).toBe(to);
      expect(moved.history.at(-1)).toEqual({
        status: to,
        reason: to === 'CANCELLED' ? 'why' : null,
        at: later,
      });
      expect(moved.updatedAt).toEqual(later);
    } else {
      expect(() => transition(inStatus[from](), to, null, later)).toThrow(IllegalTransitionError);
    }
  });

  it('never leaves CANCELLED, in particular never back to CONFIRMED', () => {
    expect(canTransition('CANCELLED', 'CONFIRMED')).toBe(false);
    expect(canTransition('CANCELLED', 'PENDING')).toBe(false);
  });

  it('does not go back to PENDING once confirmed', () => {
    expect(canTransition('CONFIRMED', 'PENDING')).toBe(false);
  });

  it('keeps the input untouched', () => {
    const order = pending();
    transition(order, 'CONFIRMED', null, later);
    expect(order.status).toBe('PENDING');
    expect(order.history).toHaveLength(1);
  });
});

describe('saga outcomes', () => {
  it('payment succeeded confirms a PENDING order', () => {
    const order = confirm(pending(), later);
    expect(order?.status).toBe('CONFIRMED');
    expect(order?.cancellationReason).toBeNull();
    expect(order?.history.map((entry) => entry.status)).toEqual(['PENDING', 'CONFIRMED']);
  });

  it('payment succeeded leaves a CANCELLED order cancelled (payment-service refunds it)', () => {
    expect(confirm(cancelled(), later)).toBeNull();
  });

  it('a duplicate payment success leaves a CONFIRMED order as it is', () => {
    expect(confirm(confirmed(), later)).toBeNull();
  });

  it('a rejection or failed payment cancels a PENDING order with its reason', () => {
    const order = cancelPending(pending(), 'card_declined', later);
    expect(order?.status).toBe('CANCELLED');
    expect(order?.cancellationReason).toBe('card_declined');
    expect(order?.history.at(-1)).toEqual({
      status: 'CANCELLED',
      reason: 'card_declined',
      at: later,
    });
  });

  it('a late failure never cancels a CONFIRMED order', () => {
    expect(cancelPending(confirmed(), 'card_declined', later)).toBeNull();
  });

  it('a late rejection leaves a CANCELLED order and its first reason alone', () => {
    expect(cancelPending(cancelled(), 'unknown_product', later)).toBeNull();
  });
});

describe('cancelByCustomer', () => {
  it.each<OrderStatus>(['PENDING', 'CONFIRMED'])('cancels a %s order', (status) => {
    const order = cancelByCustomer(inStatus[status](), later);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellationReason).toBe(CANCELLED_BY_CUSTOMER);
    expect(order.history.at(-1)).toEqual({
      status: 'CANCELLED',
      reason: CANCELLED_BY_CUSTOMER,
      at: later,
    });
  });

  it('refuses an order that is already cancelled', () => {
    expect(() => cancelByCustomer(cancelled(), later)).toThrow(OrderAlreadyCancelledError);
  });
});
