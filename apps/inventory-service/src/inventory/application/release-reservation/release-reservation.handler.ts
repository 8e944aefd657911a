import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { releaseReservation, releaseUndecided } from '../../domain/settle-reservation';
import { originOf, releasedEvent } from '../inventory-events';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';

/** An order was cancelled: whatever is held (or sold) for it goes back. */
export interface ReleaseReservation {
  /** The message that asked: the inbox's key, and the cause of the events emitted. */
  readonly eventId: string;
  readonly orderId: string;
}

/** A cancelled order → held (or sold) units are available again, and inventory.released. */
@Injectable()
export class ReleaseReservationHandler {
  private readonly logger = new Logger(ReleaseReservationHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute(consumer: string, command: ReleaseReservation): Promise<void> {
    await this.ledger.apply(consumer, [this.entryFor(command)]);
  }

  /** The command's part in a ledger batch. */
  entryFor({ eventId, orderId }: ReleaseReservation): LedgerEntry {
    return {
      eventId,
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
          originOf(orderId, eventId),
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
