import { type InboxClaim } from '@kafka-commerce/messaging';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Order } from '../../domain/order';
import {
  DuplicateIdempotencyKeyError,
  type OrderChange,
  type OrderPage,
  OrderRepository,
  type UpdateOutcome,
} from '../ports/order.repository';

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
    const claimKey = claim ? `${claim.consumer}/${claim.eventId}` : null;
    if (claimKey !== null && this.claimed.has(claimKey)) return { kind: 'duplicate' };
    const order = this.orders.get(orderId);
    // `change` runs before anything is stored: if it throws, nothing is (not even the claim),
    // like a rolled-back transaction.
    const update = order ? change(order) : null;
    if (claimKey !== null) this.claimed.add(claimKey);
    if (!order) return { kind: 'not_found' };
    if (!update) return { kind: 'unchanged', order };
    this.orders.set(orderId, update.order);
    this.outbox.push(...update.events);
    return { kind: 'changed', order: update.order };
  }

  private ownedWithKey(userId: string, idempotencyKey: string): Order | null {
    const found = [...this.orders.values()].find(
      (order) => order.userId === userId && order.idempotencyKey === idempotencyKey,
    );
    return found ?? null;
  }
}
