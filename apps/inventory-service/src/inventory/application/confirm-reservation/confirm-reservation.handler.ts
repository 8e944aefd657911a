import { Injectable, Logger } from '@nestjs/common';
import { confirmReservation } from '../../domain/settle-reservation';
import { type LedgerChanges, type LedgerEntry, StockLedger } from '../ports/stock-ledger';

/** An order is final: the units held for it are sold. */
export interface ConfirmReservation {
  /** The message that asked: the inbox's key. */
  readonly eventId: string;
  readonly orderId: string;
}

/** A confirmed order → the held units are sold. Emits nothing: no one waits for it. */
@Injectable()
export class ConfirmReservationHandler {
  private readonly logger = new Logger(ConfirmReservationHandler.name);

  constructor(private readonly ledger: StockLedger) {}

  async execute(consumer: string, command: ConfirmReservation): Promise<void> {
    await this.ledger.apply(consumer, [this.entryFor(command)]);
  }

  /** The command's part in a ledger batch. */
  entryFor({ eventId, orderId }: ConfirmReservation): LedgerEntry {
    return {
      eventId,
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
