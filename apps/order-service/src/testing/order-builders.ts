import { Decimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { type Order, placeOrder, type ShippingAddress } from '../orders/domain/order';

export const SHIPPING_ADDRESS: ShippingAddress = {
  street: '12 Analytical Row',
  city: 'London',
  postalCode: 'N1 9GU',
  country: 'GB',
};

export const MUG_ID = '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c';
export const TEA_ID = 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b';

/** A PENDING order of 2 mugs at 19.99 and 1 tea at 5.00, with any field overridden. */
export function aPendingOrder(overrides: Partial<Order> = {}): Order {
  const order = placeOrder({
    id: randomUUID(),
    userId: randomUUID(),
    lines: [
      { productId: MUG_ID, quantity: 2, unitPrice: new Decimal('19.99') },
      { productId: TEA_ID, quantity: 1, unitPrice: new Decimal('5.00') },
    ],
    totalAmount: new Decimal('44.98'),
    shippingAddress: SHIPPING_ADDRESS,
    paymentMethod: 'card',
    idempotencyKey: null,
    at: new Date('2026-11-26T10:00:00.000Z'),
  });
  return { ...order, ...overrides };
}
