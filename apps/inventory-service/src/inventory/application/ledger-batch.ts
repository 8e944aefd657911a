import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Product } from '../domain/product';
import { type Reservation } from '../domain/reservation';
import { type LedgerEntry } from './ports/stock-ledger';

/** What a ledger holds for a batch before it is applied (the locked rows). */
export interface LedgerSnapshot {
  /** By order id. */
  readonly reservations: ReadonlyMap<string, Reservation>;
  /** By id: every product a batch entry names or its order's reservation holds. */
  readonly products: ReadonlyMap<string, Product>;
}

/** Everything a batch changed, to be stored at once. */
export interface LedgerBatchChanges {
  /** The ids of the events applied, in batch order. */
  readonly applied: ReadonlySet<string>;
  /** Reservations the snapshot did not hold: stored with their lines. */
  readonly created: readonly Reservation[];
  /** Reservations of the snapshot whose status changed. */
  readonly updated: readonly Reservation[];
  /** The final state of every product changed. */
  readonly products: readonly Product[];
  readonly events: readonly OutgoingEvent[];
}

/**
 * Lets each new entry decide, in batch order, on the state the entries before it left —
 * as if each had had its own transaction — and sums up what the batch changed. An order's
 * events come in order on its partition, so a batch may well hold an order's created and
 * cancelled together.
 */
export function decideBatch(
  entries: readonly LedgerEntry[],
  isNew: (eventId: string) => boolean,
  snapshot: LedgerSnapshot,
): LedgerBatchChanges {
  const reservations = new Map(snapshot.reservations);
  const products = new Map(snapshot.products);
  const changedOrders = new Set<string>();
  const changedProducts = new Set<string>();
  const events: OutgoingEvent[] = [];
  const applied = new Set<string>();
  for (const entry of entries) {
    if (!isNew(entry.eventId)) continue;
    const reservation = reservations.get(entry.orderId) ?? null;
    const changes = entry.decide({ reservation, products });
    applied.add(entry.eventId);
    if (changes.reservation) {
      reservations.set(entry.orderId, changes.reservation);
      changedOrders.add(entry.orderId);
    }
    for (const product of changes.products ?? []) {
      products.set(product.id, product);
      changedProducts.add(product.id);
    }
    events.push(...(changes.events ?? []));
  }
  // In order id order, like the locks: two batches creating reservations for the same orders
  // (two instances during a rebalance) wait for each other in the same order.
  const changed = [...changedOrders].sort().map((orderId) => present(reservations.get(orderId)));
  return {
    applied,
    created: changed.filter((reservation) => !snapshot.reservations.has(reservation.orderId)),
    updated: changed.filter((reservation) => snapshot.reservations.has(reservation.orderId)),
    products: [...changedProducts].map((id) => present(products.get(id))),
    events,
  };
}

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a changed entry vanished from the batch state');
  return value;
}
