import { type InboxClaim } from '@kafka-commerce/messaging';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Product } from '../products/domain/product';
import {
  type LedgerChanges,
  type LedgerState,
  StockLedger,
} from '../reservations/application/ports/stock-ledger';
import { type Reservation } from '../reservations/domain/reservation';

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

  applyOnce(
    claim: InboxClaim,
    orderId: string,
    productIds: readonly string[],
    decide: (state: LedgerState) => LedgerChanges,
  ): Promise<boolean> {
    const key = `${claim.consumer}/${claim.eventId}`;
    if (this.claimed.has(key)) return Promise.resolve(false);
    const reservation = this.reservations.get(orderId) ?? null;
    const ids = [...productIds, ...(reservation?.lines.map((line) => line.productId) ?? [])];
    const products = new Map<string, Product>();
    for (const id of ids) {
      const product = this.products.get(id);
      if (product) products.set(id, product);
    }
    // Like a rolled-back transaction, a throwing `decide` leaves no trace, not even the claim.
    const changes = decide({ reservation, products });
    this.claimed.add(key);
    if (changes.reservation) this.reservations.set(orderId, changes.reservation);
    for (const product of changes.products ?? []) this.products.set(product.id, product);
    this.outbox.push(...(changes.events ?? []));
    return Promise.resolve(true);
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
