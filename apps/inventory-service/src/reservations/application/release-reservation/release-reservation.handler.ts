import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderCancelledV1 } from '@kafka-commerce/events';
import { releaseReservation, releaseUndecided } from '../../domain/settle-reservation';
import { type LedgerChanges, StockLedger } from '../ports/stock-ledger';
import { originOf, releasedEvent } from '../reservation-events';

export interface ReleaseReservation {
  readonly consumer: string;
  readonly event: EventOf<typeof orderCancelledV1>;
}

/** order.cancelled → held (or sold) units are available again, and inventory.released. */
@Injectable()
export class ReleaseReservationHandler {
  private readonly logger = new Logger(ReleaseReservationHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute({ consumer, event }: ReleaseReservation): Promise<void> {
    const { orderId } = event.payload;
    let outcome = 'duplicate';
    await this.ledger.applyOnce(
      { consumer, eventId: event.eventId },
      orderId,
      [],
      (state): LedgerChanges => {
        if (!state.reservation) {
          outcome = 'recorded: cancelled before any reservation';
          return { reservation: releaseUndecided(randomUUID(), orderId) };
        }
        const settlement = releaseReservation(state.reservation, state.products);
        if (settlement.outcome === 'ignored') {
          outcome = `ignored: ${settlement.reason}`;
          return {};
        }
        outcome = `${settlement.outcome} from ${settlement.from}`;
        const released = releasedEvent(
          settlement.reservation,
          originOf(orderId, event.eventId),
          new Date(),
        );
        return {
          reservation: settlement.reservation,
          products: settlement.products,
          events: [released],
        };
      },
    );
    this.logger.debug({ orderId, outcome }, 'order.cancelled handled');
  }
}
