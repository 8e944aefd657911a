import { Decimal, type Money, toDecimal } from '@kafka-commerce/events';
import { type SummaryDelta } from './summary-delta';

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

export interface PricedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** What analytics knows of one order. */
export interface OrderState {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** Null only for an order first seen through its cancellation (which carries no amount). */
  readonly totalAmount: Money | null;
  readonly lines: readonly PricedLine[];
}

/** The order events that move the summary, stripped to what it needs. */
export type OrderFact =
  | {
      readonly kind: 'created' | 'confirmed';
      readonly orderId: string;
      readonly totalAmount: Money;
      readonly lines: readonly PricedLine[];
    }
  | { readonly kind: 'cancelled'; readonly orderId: string };

/**
 * Applies one order event to the order's state (undefined: not seen yet) and records what
 * the transition changes in the summary. Only real transitions count, so an order is counted
 * once per status whatever is redelivered: `created` counts every order known; `confirmed`
 * and `cancelled` count orders currently in that status, so cancelling a confirmed order moves
 * its revenue and units back out. CANCELLED is final.
 */
export function applyOrderFact(
  state: OrderState | undefined,
  fact: OrderFact,
  delta: SummaryDelta,
): OrderState {
  if (state?.status === 'CANCELLED') return state;
  switch (fact.kind) {
    case 'created': {
      if (state) return state;
      delta.count('orders.created', 1, toDecimal(fact.totalAmount));
      return {
        orderId: fact.orderId,
        status: 'PENDING',
        totalAmount: fact.totalAmount,
        lines: fact.lines,
      };
    }
    case 'confirmed': {
      if (state?.status === 'CONFIRMED') return state;
      if (!state) delta.count('orders.created', 1, toDecimal(fact.totalAmount));
      const confirmed: OrderState = {
        orderId: fact.orderId,
        status: 'CONFIRMED',
        totalAmount: fact.totalAmount,
        lines: fact.lines,
      };
      addConfirmed(confirmed, 1, delta);
      return confirmed;
    }
    case 'cancelled': {
      if (!state) delta.count('orders.created', 1);
      if (state?.status === 'CONFIRMED') addConfirmed(state, -1, delta);
      const cancelled: OrderState = {
        orderId: fact.orderId,
        status: 'CANCELLED',
        totalAmount: state?.totalAmount ?? null,
        lines: state?.lines ?? [],
      };
      delta.count('orders.cancelled', 1, amountOf(cancelled));
      return cancelled;
    }
  }
}

/** Adds (sign 1) or takes back (sign -1) a confirmed order's count, revenue and units. */
function addConfirmed(order: OrderState, sign: 1 | -1, delta: SummaryDelta): void {
  delta.count('orders.confirmed', sign, amountOf(order).times(sign));
  for (const line of order.lines) {
    delta.product(line.productId, sign * line.quantity, lineRevenue(line).times(sign));
  }
}

export function lineRevenue(line: PricedLine): Decimal {
  return toDecimal(line.unitPrice).times(line.quantity);
}

function amountOf(order: OrderState): Decimal {
  return order.totalAmount === null ? new Decimal(0) : toDecimal(order.totalAmount);
}
