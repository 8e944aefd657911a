import { type OutgoingEvent } from '@kafka-commerce/events';
import { isCharge, type Payment } from '../payments/domain/payment';
import { decidePaymentChanges } from '../payments/application/payment-batch';
import {
  type ChangeOutcome,
  type OwnerScope,
  type PaymentDecision,
  PaymentRepository,
} from '../payments/application/ports/payment-repository';

/** PaymentRepository in memory for unit tests: same transaction semantics, one process. */
export class InMemoryPaymentRepository extends PaymentRepository {
  readonly payments = new Map<string, Payment>();
  /** Every event committed, in commit order. */
  readonly outbox: OutgoingEvent[] = [];
  private readonly inbox = new Set<string>();

  changeAll(
    consumer: string | null,
    decisions: readonly PaymentDecision[],
  ): Promise<ChangeOutcome[]> {
    const claims = new Set<string>();
    const isNew = (eventId: string): boolean => {
      if (consumer === null) return true;
      const key = `${consumer}/${eventId}`;
      if (this.inbox.has(key) || claims.has(key)) return false;
      claims.add(key);
      return true;
    };
    // Every decision runs before anything is written, so if one throws nothing is (as on a
    // rollback).
    const { outcomes, changed, events } = decidePaymentChanges(decisions, isNew, this.payments);
    for (const payment of changed) this.payments.set(payment.orderId, payment);
    for (const key of claims) this.inbox.add(key);
    this.outbox.push(...events);
    return Promise.resolve(outcomes);
  }

  findByOrderId(orderId: string): Promise<Payment | null> {
    return Promise.resolve(this.payments.get(orderId) ?? null);
  }

  listCharges(orderId: string, scope: OwnerScope): Promise<Payment[] | null> {
    const payment = this.payments.get(orderId);
    const inScope =
      payment !== undefined &&
      (scope.kind === 'everyone' || payment.terms?.userId === scope.userId);
    if (!inScope) return Promise.resolve(null);
    return Promise.resolve(isCharge(payment) ? [payment] : []);
  }

  /** The committed events of one type, e.g. `payment.processed`. */
  eventsOfType(type: string): OutgoingEvent[] {
    return this.outbox.filter((event) => event.envelope.type === type);
  }
}
