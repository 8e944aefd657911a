import { Decimal, type Money, toDecimal } from '@kafka-commerce/money';
import { type SummaryDelta } from './summary-delta';
import { type UtcDay } from './utc-day';
import { type UtcMinute } from './utc-minute';

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
  /**
   * The UTC day its confirmation counted on, so that a cancellation takes the order back out
   * of that day. Null when never confirmed, or confirmed before analytics kept days.
   */
  readonly confirmedOn: UtcDay | null;
}

/**
 * The order events that move the summary, stripped to what it needs. `on` is the UTC day and
 * `at` the UTC minute of the event's own timestamp (createdAt, confirmedAt, cancelledAt),
 * never the consumer's clock.
 */
export type OrderFact =
  | {
      readonly kind: 'created' | 'confirmed';
      readonly orderId: string;
      readonly totalAmount: Money;
      readonly lines: readonly PricedLine[];
      readonly on: UtcDay;
      readonly at: UtcMinute;
    }
  | {
      readonly kind: 'cancelled';
      readonly orderId: string;
      readonly reason: string;
      readonly on: UtcDay;
      readonly at: UtcMinute;
    };

/**
 * Applies one order event to the order's state (undefined: not seen yet) and records what
 * the transition changes in the summary. Only real transitions count, so an order is counted
 * once per status whatever is redelivered: `created` counts every order known; `confirmed`
 * and `cancelled` count orders currently in that status, so cancelling a confirmed order moves
 * its revenue and units back out. CANCELLED is final.
 *
 * Per day: an order is created on its createdAt day (or, first seen later, on the day of the
 * event that revealed it), confirmed — with its revenue and units — on its confirmedAt day, and
 * cancelled on its cancelledAt day; a cancelled confirmed order leaves its confirmation day.
 * Per minute (the dashboard): each real transition counts in its event's minute, and stays.
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
      delta.count('orders.created', 1, toDecimal(fact.totalAmount), fact.on);
      delta.orderEntered('created', fact.at);
      return {
        orderId: fact.orderId,
        status: 'PENDING',
        totalAmount: fact.totalAmount,
        lines: fact.lines,
        confirmedOn: null,
      };
    }
    case 'confirmed': {
      if (state?.status === 'CONFIRMED') return state;
      if (!state) {
        delta.count('orders.created', 1, toDecimal(fact.totalAmount), fact.on);
        delta.orderEntered('created', fact.at);
      }
      delta.orderEntered('confirmed', fact.at);
      const confirmed: OrderState = {
        orderId: fact.orderId,
        status: 'CONFIRMED',
        totalAmount: fact.totalAmount,
        lines: fact.lines,
        confirmedOn: fact.on,
      };
      addConfirmed(confirmed, 1, delta);
      return confirmed;
    }
    case 'cancelled': {
      if (!state) {
        delta.count('orders.created', 1, new Decimal(0), fact.on);
        delta.orderEntered('created', fact.at);
      }
      if (state?.status === 'CONFIRMED') addConfirmed(state, -1, delta);
      const cancelled: OrderState = {
        orderId: fact.orderId,
        status: 'CANCELLED',
        totalAmount: state?.totalAmount ?? null,
        lines: state?.lines ?? [],
        confirmedOn: state?.confirmedOn ?? null,
      };
      delta.count('orders.cancelled', 1, amountOf(cancelled), fact.on);
      delta.cancellation(fact.on, fact.reason);
      delta.orderEntered('cancelled', fact.at);
      return cancelled;
    }
  }
}

/**
 * Adds (sign 1) or takes back (sign -1) a confirmed order's count, revenue and units, in the
 * totals and on its confirmation day (the totals only when that day is not known).
 */
function addConfirmed(order: OrderState, sign: 1 | -1, delta: SummaryDelta): void {
  const on = order.confirmedOn ?? undefined;
  delta.count('orders.confirmed', sign, amountOf(order).times(sign), on);
  for (const line of order.lines) {
    delta.product(line.productId, sign * line.quantity, lineRevenue(line).times(sign), on);
  }
}

export function lineRevenue(line: PricedLine): Decimal {
  return toDecimal(line.unitPrice).times(line.quantity);
}

function amountOf(order: OrderState): Decimal {
  return order.totalAmount === null ? new Decimal(0) : toDecimal(order.totalAmount);
}
