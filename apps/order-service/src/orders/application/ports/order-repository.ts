import { type OutgoingEvent } from '@kafka-commerce/events';
import { type InboxClaim } from '@kafka-commerce/messaging';
import { type Order } from '../../domain/order';
import { type OrderStatus } from '../../domain/order-status';

export interface OrderUpdate {
  /** The new state; history entries beyond the stored ones are appended. */
  readonly order: Order;
  readonly events: readonly OutgoingEvent[];
}

/** Decides the change from the current (locked) state; null leaves the order as it is. */
export type OrderChange = (order: Order) => OrderUpdate | null;

/** A consumed event's change to its order, one of a batch for `updateAll`. */
export interface ClaimedChange {
  readonly eventId: string;
  readonly orderId: string;
  readonly change: OrderChange;
}

export type UpdateOutcome =
  | { readonly kind: 'changed'; readonly order: Order }
  | { readonly kind: 'unchanged'; readonly order: Order }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'duplicate' };

export interface OrderPage {
  readonly orders: readonly Order[];
  readonly total: number;
}

/** How many orders have one status, and when the oldest of them was placed. */
export interface StatusCount {
  readonly status: OrderStatus;
  readonly count: number;
  readonly oldestPlacedAt: Date;
}

/** This user already placed an order with this Idempotency-Key. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor(
    readonly userId: string,
    readonly idempotencyKey: string,
  ) {
    super('an order with this idempotency key already exists');
    this.name = 'DuplicateIdempotencyKeyError';
  }
}

/** Port: where orders live. */
export abstract class OrderRepository {
  abstract findById(orderId: string): Promise<Order | null>;

  abstract findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<Order | null>;

  /** The user's orders, newest first. */
  abstract listByUser(userId: string, offset: number, limit: number): Promise<OrderPage>;

  /**
   * Stores a new order and the events it publishes, atomically. Throws
   * DuplicateIdempotencyKeyError when the user already used the order's idempotency key.
   */
  abstract create(order: Order, events: readonly OutgoingEvent[]): Promise<void>;

  /**
   * Applies `change` to the order under a lock, storing the new state and its events in one
   * transaction — with the inbox claim when given, so an event handled before changes
   * nothing ('duplicate'). Whatever `change` throws rolls everything back and is rethrown.
   */
  abstract update(orderId: string, change: OrderChange, claim?: InboxClaim): Promise<UpdateOutcome>;

  /**
   * `update` for a batch of consumed events, in one transaction: each new event's change
   * sees the order as the batch's earlier changes left it; an event claimed before is a
   * 'duplicate'. Returns one outcome per change, in order; a throwing change undoes them all.
   */
  abstract updateAll(consumer: string, changes: readonly ClaimedChange[]): Promise<UpdateOutcome[]>;

  /** Every order counted by status, in one read; a status no order has is left out. */
  abstract countByStatus(): Promise<StatusCount[]>;
}
