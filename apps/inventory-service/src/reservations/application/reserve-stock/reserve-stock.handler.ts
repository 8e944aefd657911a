import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderCreatedV1 } from '@kafka-commerce/events';
import { planReservation } from '../../domain/plan-reservation';
import { type LedgerChanges, StockLedger } from '../ports/stock-ledger';
import { lowStockEvent, originOf, rejectedEvent, reservedEvent } from '../reservation-events';

export interface ReserveStock {
  readonly consumer: string;
  readonly event: EventOf<typeof orderCreatedV1>;
}

/** order.created → inventory.reserved (all items held) or inventory.rejected (none held). */
@Injectable()
export class ReserveStockHandler {
  private readonly logger = new Logger(ReserveStockHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute({ consumer, event }: ReserveStock): Promise<void> {
    const { orderId } = event.payload;
    const items = event.payload.items.map(({ productId, quantity }) => ({ productId, quantity }));
    const origin = originOf(orderId, event.eventId);
    let outcome = 'already decided';
    const applied = await this.ledger.applyOnce(
      { consumer, eventId: event.eventId },
      orderId,
      items.map((item) => item.productId),
      (state): LedgerChanges => {
        // The first decision per order stands (design.md §8.6): a copy of order.created under
        // a fresh event id gets past the inbox, but never past the order's stored decision —
        // reserved, confirmed, released or rejected.
        if (state.reservation) {
          outcome = `already ${state.reservation.status.toLowerCase()}`;
          return {};
        }
        const now = new Date();
        const plan = planReservation(
          { reservationId: randomUUID(), orderId, items },
          state.products,
        );
        outcome = plan.outcome;
        if (plan.outcome === 'rejected') {
          return {
            reservation: plan.reservation,
            events: [rejectedEvent(orderId, plan.reason, plan.productIds, origin, now)],
          };
        }
        return {
          reservation: plan.reservation,
          products: plan.products,
          events: [
            reservedEvent(plan.reservation, origin, now),
            ...plan.lowStock.map((product) => lowStockEvent(product, origin, now)),
          ],
        };
      },
    );
    this.logger.debug(
      { orderId, outcome: applied ? outcome : 'duplicate' },
      'order.created handled',
    );
  }
}
