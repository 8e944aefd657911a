import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderConfirmedV1 } from '@kafka-commerce/events';
import { confirmReservation } from '../../domain/settle-reservation';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';

export interface ConfirmReservation {
  readonly consumer: string;
  readonly event: EventOf<typeof orderConfirmedV1>;
}

/** order.confirmed → the held units are sold. Emits nothing: no one waits for it. */
@Injectable()
export class ConfirmReservationHandler {
  private readonly logger = new Logger(ConfirmReservationHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute({ consumer, event }: ConfirmReservation): Promise<void> {
    await this.ledger.apply(consumer, [this.entryFor(event)]);
  }

  /** The event's part in a ledger batch. */
  entryFor(event: EventOf<typeof orderConfirmedV1>): LedgerEntry {
    const { orderId } = event.payload;
    return {
      eventId: event.eventId,
      orderId,
      productIds: [],
      decide: (state): LedgerChanges => {
        const settlement = confirmReservation(state.reservation, state.products);
        if (settlement.outcome === 'ignored') {
          this.logger.debug(
            { orderId, outcome: `ignored: ${settlement.reason}` },
            'order.confirmed decided',
          );
          return {};
        }
        this.logger.debug({ orderId, outcome: settlement.outcome }, 'order.confirmed decided');
        return { reservation: settlement.reservation, products: settlement.products };
      },
    };
  }
}
