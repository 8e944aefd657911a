import { type Order } from './order';
import { ORDER_STATUSES, type OrderStatus } from './order-status';

/**
 * A PENDING order waits for the saga; any other status is a decision, made by the saga or by
 * the customer. (CONFIRMED may still be cancelled, but the saga owes it nothing more.)
 */
export function isSettled(status: OrderStatus): boolean {
  return status !== 'PENDING';
}

/** The statuses of orders still waiting for the saga. */
export const UNSETTLED_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter(
  (status) => !isSettled(status),
);

/** How an order was settled: the status it settled in, and how long after it was placed. */
export interface OrderSettlement {
  readonly status: OrderStatus;
  readonly seconds: number;
}

/**
 * The settlement the order's latest move made, or null when that move did not settle it
 * (it was settled before, as a CONFIRMED order a customer cancels is).
 */
export function settlementByLatestMove(order: Order): OrderSettlement | null {
  const [before, latest] = order.history.slice(-2);
  if (!before || !latest || isSettled(before.status) || !isSettled(latest.status)) return null;
  return {
    status: latest.status,
    seconds: (latest.at.getTime() - order.createdAt.getTime()) / 1000,
  };
}
