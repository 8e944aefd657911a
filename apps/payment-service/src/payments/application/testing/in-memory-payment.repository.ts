import { type InboxClaim } from '@kafka-commerce/messaging';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { isCharge, type Payment } from '../../domain/payment';
import {
  type ChangeOutcome,
  type DecidePaymentChange,
  type OwnerScope,
  PaymentRepository,
} from '../ports/payment.repository';

/** PaymentRepository in memory for unit tests: same transaction semantics, one process. */
export class InMemoryPaymentRepository extends PaymentRepository {
  readonly payments = new Map<string, Payment>();
  /** Every event committed, in commit order. */
  readonly outbox: OutgoingEvent[] = [];
  private readonly inbox = new Set<string>();

  change(
    orderId: string,
    claim: InboxClaim | null,
    decide: DecidePaymentChange,
  ): Promise<ChangeOutcome> {
    const inboxKey = claim && `${claim.consumer}/${claim.eventId}`;
    if (inboxKey !== null && this.inbox.has(inboxKey)) return Promise.resolve({ changed: false });
    // decide() runs before anything is written, so if it throws nothing is (as on a rollback).
    const current = this.payments.get(orderId) ?? null;
    const change = decide(current);
    if (inboxKey !== null) this.inbox.add(inboxKey);
    if (change === null) return Promise.resolve({ changed: false, payment: current });
    this.payments.set(orderId, change.payment);
    this.outbox.push(...change.events);
    return Promise.resolve({ changed: true, payment: change.payment });
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
