import { type OrderState } from '../../domain/order-projection';
import { type ProcessedPayment } from '../../domain/payment-projection';
import { type SummaryDelta } from '../../domain/summary-delta';

export interface RegisteredUser {
  readonly userId: string;
  readonly source: string;
  readonly registeredAt: Date;
}

/** What one transaction over the projections can do. */
export interface ProjectionTransaction {
  /** Inbox: the ids among these that this consumer had not handled before. */
  claim(consumer: string, eventIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Records users; returns the ids not recorded before. */
  addUsers(users: readonly RegisteredUser[]): Promise<ReadonlySet<string>>;
  /** Records payments; returns the ids not recorded before. */
  addPayments(payments: readonly ProcessedPayment[]): Promise<ReadonlySet<string>>;
  /** Locks and returns the known orders among these ids. */
  lockOrders(orderIds: readonly string[]): Promise<Map<string, OrderState>>;
  saveOrders(orders: readonly OrderState[]): Promise<void>;
  /** Adds the delta to the running totals. */
  apply(delta: SummaryDelta): Promise<void>;
}

/** Port: the business projections, changed transactionally. */
export abstract class ProjectionStore {
  /** Runs `work` in one transaction: all its claims and writes commit together or not at all. */
  abstract inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T>;
}

/** One event's effect, identified by the event that carries it. */
export interface Claimed<T> {
  readonly eventId: string;
  readonly fact: T;
}

/** The facts whose events were newly claimed, in their original order. */
export function freshFacts<T>(facts: readonly Claimed<T>[], fresh: ReadonlySet<string>): T[] {
  return facts.filter((entry) => fresh.has(entry.eventId)).map((entry) => entry.fact);
}
