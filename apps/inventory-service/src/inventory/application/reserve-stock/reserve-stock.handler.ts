import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderCreatedV1 } from '@kafka-commerce/events';
import { planReservation } from '../../domain/plan-reservation';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';
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
    await this.ledger.apply(consumer, [this.entryFor(event)]);
  }

  /** The event's part in a ledger batch. */
  entryFor(event: EventOf<typeof orderCreatedV1>): LedgerEntry {
    const { orderId } = event.payload;
    const items = event.payload.items.map(({ productId, quantity }) => ({ productId, quantity }));
    const origin = originOf(orderId, event.eventId);
    return {
      eventId: event.eventId,
      orderId,
      productIds: items.map((item) => item.productId),
      decide: (state): LedgerChanges => {
        // The first decision per order stands (design.md §8.6): a copy of order.created under
        // a fresh event id gets past the inbox, but never past the order's stored decision —
        // reserved, confirmed, released or rejected.
        if (state.reservation) {
          this.logger.debug(
            { orderId, outcome: `already ${state.reservation.status}` },
            'order.created decided',
          );
          return {};
        }
        const now = new Date();
        const plan = planReservation(
          { reservationId: randomUUID(), orderId, items },
          state.products,
        );
        this.logger.debug({ orderId, outcome: plan.outcome }, 'order.created decided');
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
    };
  }
}
