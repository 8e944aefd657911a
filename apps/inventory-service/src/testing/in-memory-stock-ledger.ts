import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Product } from '../inventory/domain/product';
import { decideBatch } from '../inventory/application/ledger-batch';
import { type LedgerEntry, StockLedger } from '../inventory/application/ports/stock-ledger';
import { type Reservation } from '../inventory/domain/reservation';

/** StockLedger in memory: same contract (claim once, all or nothing), no database. */
export class InMemoryStockLedger extends StockLedger {
  readonly products = new Map<string, Product>();
  /** By order id. */
  readonly reservations = new Map<string, Reservation>();
  readonly outbox: OutgoingEvent[] = [];
  private readonly claimed = new Set<string>();

  constructor(products: readonly Product[] = []) {
    super();
    for (const product of products) this.products.set(product.id, product);
  }

  apply(consumer: string, entries: readonly LedgerEntry[]): Promise<ReadonlySet<string>> {
    const fresh = new Set(
      entries
        .map((entry) => `${consumer}/${entry.eventId}`)
        .filter((key) => !this.claimed.has(key)),
    );
    // Like a rolled-back transaction, a throwing `decide` leaves no trace, not even the claim.
    const changes = decideBatch(entries, (eventId) => fresh.delete(`${consumer}/${eventId}`), {
      reservations: this.reservations,
      products: this.products,
    });
    for (const eventId of changes.applied) this.claimed.add(`${consumer}/${eventId}`);
    for (const reservation of [...changes.created, ...changes.updated]) {
      this.reservations.set(reservation.orderId, reservation);
    }
    for (const product of changes.products) this.products.set(product.id, product);
    this.outbox.push(...changes.events);
    return Promise.resolve(changes.applied);
  }

  product(id: string): Product {
    const product = this.products.get(id);
    if (!product) throw new Error(`no product ${id}`);
    return product;
  }

  eventsOfType(type: string): OutgoingEvent[] {
    return this.outbox.filter((event) => event.envelope.type === type);
  }
}
