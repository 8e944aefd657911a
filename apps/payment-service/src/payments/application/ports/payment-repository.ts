import { type OutgoingEvent } from '@kafka-commerce/events';
import { type InboxClaim } from '@kafka-commerce/messaging';
import { type Payment } from '../../domain/payment';

/** A new state for the order's payment and the events that announce it. */
export interface PaymentChange {
  readonly payment: Payment;
  readonly events: readonly OutgoingEvent[];
}

/** Decides the change from the payment as stored (null: none yet); null changes nothing. */
export type DecidePaymentChange = (current: Payment | null) => PaymentChange | null;

/** One decision of a batch for `changeAll`: the consumed event (if any) and its order. */
export interface PaymentDecision {
  readonly orderId: string;
  /** The event claimed in the inbox; ignored when `changeAll` is given no consumer. */
  readonly eventId: string;
  readonly decide: DecidePaymentChange;
}

/** What a change did, and the payment as its transaction left it. */
export interface ChangeOutcome {
  readonly changed: boolean;
  /**
   * The payment after the transaction (null: there is none); absent when the inbox refused
   * the event as a duplicate before anything was read.
   */
  readonly payment?: Payment | null;
}

/**
 * Whose payments a read may return: every customer's (an admin's read) or one customer's —
 * a payment belongs to the user whose order.created it was opened from.
 */
export type OwnerScope =
  { readonly kind: 'everyone' } | { readonly kind: 'owner'; readonly userId: string };

/** Port: where payments are stored. */
export abstract class PaymentRepository {
  /**
   * In one transaction, with the orders' payments locked against concurrent changes: claims
   * the events in the inbox for `consumer` (none when null — a duplicate changes nothing),
   * reads the payments, lets each new decision decide, in order, on the payment as the
   * decisions before it left it, stores the results and appends their events to the outbox.
   * One outcome per decision, in order; a throwing decision undoes them all.
   */
  abstract changeAll(
    consumer: string | null,
    decisions: readonly PaymentDecision[],
  ): Promise<ChangeOutcome[]>;

  /** `changeAll` of one decision, with the event to claim (`claim`) if any. */
  async change(
    orderId: string,
    claim: InboxClaim | null,
    decide: DecidePaymentChange,
  ): Promise<ChangeOutcome> {
    const [outcome] = await this.changeAll(claim?.consumer ?? null, [
      { orderId, eventId: claim?.eventId ?? '', decide },
    ]);
    return outcome ?? { changed: false };
  }

  abstract findByOrderId(orderId: string): Promise<Payment | null>;

  /**
   * The order's charge attempts (SUCCEEDED, FAILED or REFUNDED), oldest first; null when no
   * payment of the order is in scope (none known yet, or another customer's).
   */
  abstract listCharges(orderId: string, scope: OwnerScope): Promise<Payment[] | null>;
}
