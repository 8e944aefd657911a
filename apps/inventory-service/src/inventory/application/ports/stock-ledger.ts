import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Product } from '../../domain/product';
import { type Reservation } from '../../domain/reservation';

/** What a consumed order event sees: the order's reservation and the products involved. */
export interface LedgerState {
  readonly reservation: Reservation | null;
  /** Existing products among those asked for, plus every product of the reservation. */
  readonly products: ReadonlyMap<string, Product>;
}

/** What to store; everything is optional ("nothing to do" is `{}`). */
export interface LedgerChanges {
  /** Created when the order had none (the order's first decision); otherwise only its status is updated. */
  readonly reservation?: Reservation;
  readonly products?: readonly Product[];
  readonly events?: readonly OutgoingEvent[];
}

/** One consumed order event of a batch: what it touches, and how it decides. */
export interface LedgerEntry {
  readonly eventId: string;
  readonly orderId: string;
  /** Products the event names; those of the order's reservation are always included. */
  readonly productIds: readonly string[];
  /** The changes, from the state the batch's earlier events left; throwing undoes the batch. */
  readonly decide: (state: LedgerState) => LedgerChanges;
}

/** Port: stock and reservations, changed once per consumed event. */
export abstract class StockLedger {
  /**
   * In one transaction for the whole batch: claims the events in the inbox; locks the
   * orders' reservations, then every product involved in id order (so concurrent batches
   * cannot deadlock); lets each new event decide, in batch order, on the state the events
   * before it left; stores all changes with their events. Returns the ids of the events
   * applied — not those handled before.
   */
  abstract apply(consumer: string, entries: readonly LedgerEntry[]): Promise<ReadonlySet<string>>;
}
