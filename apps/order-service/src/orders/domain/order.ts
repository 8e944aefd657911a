import { type Decimal } from '@kafka-commerce/money';
import { type OrderStatus } from './order-status';
import { type PricedLine } from './pricing';

export interface ShippingAddress {
  readonly street: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

export interface StatusChange {
  readonly status: OrderStatus;
  readonly reason: string | null;
  readonly at: Date;
}

export interface Order {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly lines: readonly PricedLine[];
  readonly totalAmount: Decimal;
  readonly shippingAddress: ShippingAddress;
  readonly paymentMethod: string;
  readonly cancellationReason: string | null;
  readonly idempotencyKey: string | null;
  /** Oldest first; the first entry is the PENDING the order was placed with. */
  readonly history: readonly StatusChange[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewOrder {
  readonly id: string;
  readonly userId: string;
  readonly lines: readonly PricedLine[];
  readonly totalAmount: Decimal;
  readonly shippingAddress: ShippingAddress;
  readonly paymentMethod: string;
  readonly idempotencyKey: string | null;
  readonly at: Date;
}

export function placeOrder(order: NewOrder): Order {
  const { at, ...rest } = order;
  return {
    ...rest,
    status: 'PENDING',
    cancellationReason: null,
    history: [{ status: 'PENDING', reason: null, at }],
    createdAt: at,
    updatedAt: at,
  };
}

/** Who is looking: an order is visible to its owner and to admins only. */
export interface Viewer {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export function isVisibleTo(order: Order, viewer: Viewer): boolean {
  return viewer.isAdmin || order.userId === viewer.userId;
}
