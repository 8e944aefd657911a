import { type Order } from './order';
import { IllegalTransitionError, OrderAlreadyCancelledError } from './order.errors';
import { canTransition, type OrderStatus } from './order-status';

export const CANCELLED_BY_CUSTOMER = 'cancelled_by_customer';

/** Moves the order and records the move in its history; refuses what the machine forbids. */
export function transition(order: Order, to: OrderStatus, reason: string | null, at: Date): Order {
  if (!canTransition(order.status, to)) throw new IllegalTransitionError(order.status, to);
  return {
    ...order,
    status: to,
    cancellationReason: to === 'CANCELLED' ? reason : order.cancellationReason,
    history: [...order.history, { status: to, reason, at }],
    updatedAt: at,
  };
}

// Saga outcomes settle only a PENDING order. Anything else means the order was settled
// already (a customer cancel, or a late or re-driven event), and that decision stands:
// null says "leave it as it is".

/** Payment succeeded. A CANCELLED order stays cancelled: payment-service refunds it. */
export function confirm(order: Order, at: Date): Order | null {
  return order.status === 'PENDING' ? transition(order, 'CONFIRMED', null, at) : null;
}

/** Reservation rejected or payment failed. */
export function cancelPending(order: Order, reason: string, at: Date): Order | null {
  return order.status === 'PENDING' ? transition(order, 'CANCELLED', reason, at) : null;
}

/** The customer (or an admin) cancels: allowed until the order is cancelled. */
export function cancelByCustomer(order: Order, at: Date): Order {
  if (order.status === 'CANCELLED') throw new OrderAlreadyCancelledError(order.id);
  return transition(order, 'CANCELLED', CANCELLED_BY_CUSTOMER, at);
}
