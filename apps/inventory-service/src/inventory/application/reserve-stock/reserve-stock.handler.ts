import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { planReservation } from '../../domain/plan-reservation';
import { type ReservationLine } from '../../domain/reservation';
import { lowStockEvent, originOf, rejectedEvent, reservedEvent } from '../inventory-events';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';

/** An order was placed: hold its lines, all or none. */
export interface ReserveStock {
  /** The message that asked: the inbox's key, and the cause of the events emitted. */
  readonly eventId: string;
  readonly orderId: string;
  readonly lines: readonly ReservationLine[];
}

/** A new order → inventory.reserved (all lines held) or inventory.rejected (none held). */
@Injectable()
export class ReserveStockHandler {
  private readonly logger = new Logger(ReserveStockHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute(consumer: string, command: ReserveStock): Promise<void> {
    await this.ledger.apply(consumer, [this.entryFor(command)]);
  }

  /** The command's part in a ledger batch. */
  entryFor({ eventId, orderId, lines }: ReserveStock): LedgerEntry {
    const origin = originOf(orderId, eventId);
    return {
      eventId,
      orderId,
      productIds: lines.map((line) => line.productId),
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
          { reservationId: randomUUID(), orderId, items: lines },
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
