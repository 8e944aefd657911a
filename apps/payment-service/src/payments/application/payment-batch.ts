import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Payment } from '../domain/payment';
import { type ChangeOutcome, type PaymentDecision } from './ports/payment-repository';

/** What a batch of decisions did, to be stored at once. */
export interface PaymentBatchChanges {
  /** One per decision, in order. */
  readonly outcomes: ChangeOutcome[];
  /** The final state of every payment changed, in order id order. */
  readonly changed: readonly Payment[];
  readonly events: readonly OutgoingEvent[];
}

/**
 * Lets each new decision decide, in batch order, on the payment as the decisions before it
 * left it — as if each had had its own transaction. `stored` holds the payments as read
 * (locked), by order id. The changed payments come in order id order, like the locks: two
 * batches inserting the same new orders' rows then wait for each other in the same order,
 * and cannot deadlock.
 */
export function decidePaymentChanges(
  decisions: readonly PaymentDecision[],
  isNew: (eventId: string) => boolean,
  stored: ReadonlyMap<string, Payment>,
): PaymentBatchChanges {
  const current = new Map<string, Payment | null>(stored);
  const events: OutgoingEvent[] = [];
  const outcomes = decisions.map(({ orderId, eventId, decide }): ChangeOutcome => {
    if (!isNew(eventId)) return { changed: false };
    const payment = current.get(orderId) ?? null;
    const change = decide(payment);
    if (change === null) return { changed: false, payment };
    current.set(orderId, change.payment);
    events.push(...change.events);
    return { changed: true, payment: change.payment };
  });
  const changed = [...current.values()]
    .filter(
      (payment): payment is Payment => payment !== null && payment !== stored.get(payment.orderId),
    )
    .sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  return { outcomes, changed, events };
}
