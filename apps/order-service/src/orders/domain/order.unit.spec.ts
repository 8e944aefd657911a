import { Decimal } from '@kafka-commerce/money';
import { isVisibleTo, placeOrder } from './order';

const order = placeOrder({
  id: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  userId: 'owner',
  lines: [],
  totalAmount: new Decimal(0),
  shippingAddress: { street: 's', city: 'c', postalCode: 'p', country: 'GB' },
  paymentMethod: 'card',
  idempotencyKey: null,
  at: new Date(),
});

describe('isVisibleTo', () => {
  it('shows an order to its owner', () => {
    expect(isVisibleTo(order, { userId: 'owner', isAdmin: false })).toBe(true);
  });

  it('shows any order to an admin', () => {
    expect(isVisibleTo(order, { userId: 'someone', isAdmin: true })).toBe(true);
  });

  it('hides it from anyone else', () => {
    expect(isVisibleTo(order, { userId: 'someone', isAdmin: false })).toBe(false);
  });
});
