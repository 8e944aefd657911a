import { Injectable } from '@nestjs/common';
import { applyOrderFact, type OrderFact, type OrderState } from '../../domain/order-projection';
import { SummaryDelta } from '../../domain/summary-delta';
import { type Claimed, freshFacts, ProjectionStore } from '../ports/projection-store';

export interface RecordOrders {
  readonly consumer: string;
  readonly facts: readonly Claimed<OrderFact>[];
}

/**
 * Moves orders through their statuses and the summary's totals with them: the batch's events
 * are folded per order in order, then the final states and the net delta are written.
 */
@Injectable()
export class RecordOrdersHandler {
  constructor(private readonly projections: ProjectionStore) {}

  execute({ consumer, facts }: RecordOrders): Promise<number> {
    return this.projections.inTransaction(async (tx) => {
      const fresh = await tx.claim(
        consumer,
        facts.map((entry) => entry.eventId),
      );
      const toApply = freshFacts(facts, fresh);
      if (toApply.length === 0) return 0;
      const orderIds = [...new Set(toApply.map((fact) => fact.orderId))].sort();
      const known = await tx.lockOrders(orderIds);
      const states = new Map<string, OrderState>(known);
      const changed = new Set<string>();
      const delta = new SummaryDelta();
      for (const fact of toApply) {
        const before = states.get(fact.orderId);
        const after = applyOrderFact(before, fact, delta);
        if (after !== before) {
          states.set(fact.orderId, after);
          changed.add(fact.orderId);
        }
      }
      await tx.saveOrders(
        [...changed]
          .sort()
          .map((orderId) => states.get(orderId))
          .filter(isDefined),
      );
      await tx.apply(delta);
      return toApply.length;
    });
  }
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
