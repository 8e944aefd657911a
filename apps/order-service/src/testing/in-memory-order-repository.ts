import { type InboxClaim } from '@kafka-commerce/messaging';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Order } from '../orders/domain/order';
import { decideOrderChanges } from '../orders/application/order-changes';
import {
  type ClaimedChange,
  DuplicateIdempotencyKeyError,
  type OrderChange,
  type OrderPage,
  OrderRepository,
  type StatusCount,
  type UpdateOutcome,
} from '../orders/application/ports/order-repository';

/** Test fake of the order store: orders, the outbox and the inbox, all in memory. */
export class InMemoryOrderRepository extends OrderRepository {
  readonly orders = new Map<string, Order>();
  readonly outbox: OutgoingEvent[] = [];
  private readonly claimed = new Set<string>();

  findById(orderId: string): Promise<Order | null> {
    return Promise.resolve(this.orders.get(orderId) ?? null);
  }

  findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<Order | null> {
    return Promise.resolve(this.ownedWithKey(userId, idempotencyKey));
  }

  listByUser(userId: string, offset: number, limit: number): Promise<OrderPage> {
    const own = [...this.orders.values()]
      .filter((order) => order.userId === userId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return Promise.resolve({ orders: own.slice(offset, offset + limit), total: own.length });
  }

  async create(order: Order, events: readonly OutgoingEvent[]): Promise<void> {
    // Yield first, like a database round trip, so concurrent callers can interleave; the
    // check and the insert then happen together, like a unique index.
    await Promise.resolve();
    const key = order.idempotencyKey;
    if (key !== null && this.ownedWithKey(order.userId, key)) {
      throw new DuplicateIdempotencyKeyError(order.userId, key);
    }
    this.orders.set(order.id, order);
    this.outbox.push(...events);
  }

  async update(orderId: string, change: OrderChange, claim?: InboxClaim): Promise<UpdateOutcome> {
    await Promise.resolve();
    const [outcome] = this.apply(claim?.consumer ?? null, [
      { eventId: claim?.eventId ?? '', orderId, change },
    ]);
    return outcome ?? { kind: 'not_found' };
  }

  async updateAll(consumer: string, changes: readonly ClaimedChange[]): Promise<UpdateOutcome[]> {
    await Promise.resolve();
    return this.apply(consumer, changes);
  }

  countByStatus(): Promise<StatusCount[]> {
    const counts = new Map<Order['status'], StatusCount>();
    for (const { status, createdAt } of this.orders.values()) {
      const counted = counts.get(status);
      counts.set(status, {
        status,
        count: (counted?.count ?? 0) + 1,
        oldestPlacedAt:
          counted && counted.oldestPlacedAt < createdAt ? counted.oldestPlacedAt : createdAt,
      });
    }
    return Promise.resolve([...counts.values()]);
  }

  /**
   * Every change decides before anything is stored: if one throws, nothing is (not even the
   * claims), like a rolled-back transaction.
   */
  private apply(consumer: string | null, changes: readonly ClaimedChange[]): UpdateOutcome[] {
    const claims = new Set<string>();
    const isNew = (eventId: string): boolean => {
      if (consumer === null) return true;
      const key = `${consumer}/${eventId}`;
      if (this.claimed.has(key) || claims.has(key)) return false;
      claims.add(key);
      return true;
    };
    const { outcomes, changed, events } = decideOrderChanges(changes, isNew, this.orders);
    for (const { order } of changed) this.orders.set(order.id, order);
    for (const key of claims) this.claimed.add(key);
    this.outbox.push(...events);
    return outcomes;
  }

  private ownedWithKey(userId: string, idempotencyKey: string): Order | null {
    const found = [...this.orders.values()].find(
      (order) => order.userId === userId && order.idempotencyKey === idempotencyKey,
    );
    return found ?? null;
  }
}
