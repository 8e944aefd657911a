import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type orderConfirmedV1 } from '@kafka-commerce/events';
import { confirmReservation } from '../../domain/settle-reservation';
import { type LedgerChanges, StockLedger } from '../ports/stock-ledger';

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
    const { orderId } = event.payload;
    let outcome = 'duplicate';
    await this.ledger.applyOnce(
      { consumer, eventId: event.eventId },
      orderId,
      [],
      (state): LedgerChanges => {
        const settlement = confirmReservation(state.reservation, state.products);
        if (settlement.outcome === 'ignored') {
          outcome = `ignored: ${settlement.reason}`;
          return {};
        }
        outcome = settlement.outcome;
        return { reservation: settlement.reservation, products: settlement.products };
      },
    );
    this.logger.debug({ orderId, outcome }, 'order.confirmed handled');
  }
}
