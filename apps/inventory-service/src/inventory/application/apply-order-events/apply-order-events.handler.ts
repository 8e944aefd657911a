import { Injectable, Logger } from '@nestjs/common';
import {
  type EventOf,
  type orderCancelledV1,
  type orderConfirmedV1,
  type orderCreatedV1,
} from '@kafka-commerce/events';
import { ConfirmReservationHandler } from '../confirm-reservation/confirm-reservation.handler';
import { type LedgerEntry, StockLedger } from '../ports/stock-ledger';
import { ReleaseReservationHandler } from '../release-reservation/release-reservation.handler';
import { ReserveStockHandler } from '../reserve-stock/reserve-stock.handler';

export type OrderEvent =
  | EventOf<typeof orderCreatedV1>
  | EventOf<typeof orderConfirmedV1>
  | EventOf<typeof orderCancelledV1>;

/**
 * A fetched batch of order events → one ledger transaction: each event decides as its own
 * handler would, in order, and the batch is stored at once (one commit, not one per event).
 */
@Injectable()
export class ApplyOrderEventsHandler {
  private readonly logger = new Logger(ApplyOrderEventsHandler.name);

  constructor(
    private readonly ledger: StockLedger,
    private readonly reserveStock: ReserveStockHandler,
    private readonly confirmReservation: ConfirmReservationHandler,
    private readonly releaseReservation: ReleaseReservationHandler,
  ) {}

  async execute(consumer: string, events: readonly OrderEvent[]): Promise<void> {
    const applied = await this.ledger.apply(
      consumer,
      events.map((event) => this.entryFor(event)),
    );
    this.logger.debug({ events: events.length, applied: applied.size }, 'order events applied');
  }

  private entryFor(event: OrderEvent): LedgerEntry {
    switch (event.type) {
      case 'order.created':
        return this.reserveStock.entryFor(event);
      case 'order.confirmed':
        return this.confirmReservation.entryFor(event);
      case 'order.cancelled':
        return this.releaseReservation.entryFor(event);
    }
  }
}
