import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderCancelledV1 } from '@kafka-commerce/events';
import { releaseReservation, releaseUndecided } from '../../domain/settle-reservation';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';
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
    await this.ledger.apply(consumer, [this.entryFor(event)]);
  }

  /** The event's part in a ledger batch. */
  entryFor(event: EventOf<typeof orderCancelledV1>): LedgerEntry {
    const { orderId } = event.payload;
    return {
      eventId: event.eventId,
      orderId,
      productIds: [],
      decide: (state): LedgerChanges => {
        if (!state.reservation) {
          this.logger.debug(
            { orderId, outcome: 'recorded: cancelled before any reservation' },
            'order.cancelled decided',
          );
          return { reservation: releaseUndecided(randomUUID(), orderId) };
        }
        const settlement = releaseReservation(state.reservation, state.products);
        if (settlement.outcome === 'ignored') {
          this.logger.debug(
            { orderId, outcome: `ignored: ${settlement.reason}` },
            'order.cancelled decided',
          );
          return {};
        }
        this.logger.debug(
          { orderId, outcome: `${settlement.outcome} from ${settlement.from}` },
          'order.cancelled decided',
        );
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
    };
  }
}
