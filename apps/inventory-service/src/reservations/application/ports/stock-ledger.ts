import { type OutgoingEvent } from '@kafka-commerce/events';
import { type InboxClaim } from '@kafka-commerce/messaging';
import { type Product } from '../../../products/domain/product';
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

/** Port: stock and reservations, changed once per consumed event. */
export abstract class StockLedger {
  /**
   * In one transaction: claims the event in the inbox (when it was claimed before, changes
   * nothing and returns false); locks the order's reservation, then the products in id order
   * (so concurrent orders cannot deadlock); lets `decide` compute the changes from the
   * locked state; stores them with their events.
   */
  abstract applyOnce(
    claim: InboxClaim,
    orderId: string,
    productIds: readonly string[],
    decide: (state: LedgerState) => LedgerChanges,
  ): Promise<boolean>;
}
