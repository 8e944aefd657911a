import { Injectable, Logger } from '@nestjs/common';
import {
  type ConfirmReservation,
  ConfirmReservationHandler,
} from '../confirm-reservation/confirm-reservation.handler';
import { type LedgerEntry, StockLedger } from '../ports/stock-ledger';
import {
  type ReleaseReservation,
  ReleaseReservationHandler,
} from '../release-reservation/release-reservation.handler';
import { type ReserveStock, ReserveStockHandler } from '../reserve-stock/reserve-stock.handler';

/** What an order's life asks of inventory, one command per order event. */
export type OrderCommand =
  | ({ readonly kind: 'reserve' } & ReserveStock)
  | ({ readonly kind: 'confirm' } & ConfirmReservation)
  | ({ readonly kind: 'release' } & ReleaseReservation);

/**
 * A fetched batch of order commands → one ledger transaction: each decides as its own
 * handler would, in order, and the batch is stored at once (one commit, not one per command).
 */
@Injectable()
export class ApplyOrderCommandsHandler {
  private readonly logger = new Logger(ApplyOrderCommandsHandler.name);

  constructor(
    private readonly ledger: StockLedger,
    private readonly reserveStock: ReserveStockHandler,
    private readonly confirmReservation: ConfirmReservationHandler,
    private readonly releaseReservation: ReleaseReservationHandler,
  ) {}

  async execute(consumer: string, commands: readonly OrderCommand[]): Promise<void> {
    const applied = await this.ledger.apply(
      consumer,
      commands.map((command) => this.entryFor(command)),
    );
    this.logger.debug({ events: commands.length, applied: applied.size }, 'order events applied');
  }

  private entryFor(command: OrderCommand): LedgerEntry {
    switch (command.kind) {
      case 'reserve':
        return this.reserveStock.entryFor(command);
      case 'confirm':
        return this.confirmReservation.entryFor(command);
      case 'release':
        return this.releaseReservation.entryFor(command);
    }
  }
}
