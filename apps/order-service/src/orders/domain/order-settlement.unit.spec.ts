import { Decimal } from '@kafka-commerce/money';
import { placeOrder } from './order';
import { isSettled, settlementByLatestMove, UNSETTLED_STATUSES } from './order-settlement';
import { cancelByCustomer, cancelPending, confirm } from './order-transitions';

const placed = placeOrder({
  id: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  userId: 'owner',
  lines: [],
  totalAmount: new Decimal(0),
  shippingAddress: { street: 's', city: 'c', postalCode: 'p', country: 'GB' },
  paymentMethod: 'card',
  idempotencyKey: null,
  at: new Date('2026-11-26T10:00:00.000Z'),
});
const later = (seconds: number) => new Date(placed.createdAt.getTime() + seconds * 1000);

describe('order settlement', () => {
  it('calls only PENDING unsettled', () => {
    expect(UNSETTLED_STATUSES).toEqual(['PENDING']);
    expect(isSettled('CONFIRMED')).toBe(true);
    expect(isSettled('CANCELLED')).toBe(true);
  });

  it('times a confirmation from the moment the order was placed', () => {
    const confirmed = confirm(placed, later(1.5));
    expect(confirmed && settlementByLatestMove(confirmed)).toEqual({
      status: 'CONFIRMED',
      seconds: 1.5,
    });
  });

  it('times a cancellation by the saga or by the customer alike', () => {
    const rejected = cancelPending(placed, 'out_of_stock', later(2));
    expect(rejected && settlementByLatestMove(rejected)).toEqual({
      status: 'CANCELLED',
      seconds: 2,
    });
    expect(settlementByLatestMove(cancelByCustomer(placed, later(30)))).toEqual({
      status: 'CANCELLED',
      seconds: 30,
    });
  });

  it('finds no settlement in a PENDING order or in cancelling a CONFIRMED one', () => {
    expect(settlementByLatestMove(placed)).toBeNull();
    const confirmed = confirm(placed, later(1));
    expect(confirmed).not.toBeNull();
    expect(settlementByLatestMove(cancelByCustomer(confirmed!, later(60)))).toBeNull();
  });
});
