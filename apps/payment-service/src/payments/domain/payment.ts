import { type Decimal } from '@kafka-commerce/money';

/**
 * One order's payment, from the intent to the refund. Its two opening facts come from two
 * topics (orders, reservations) with no order between them, so each is accepted first:
 *
 *   openPayment (order.created) ─► AWAITING_RESERVATION ─ allowCharge ─► CHARGE_DUE
 *   allowCharge (inventory.reserved) ─► AWAITING_ORDER ─ openPayment ──► CHARGE_DUE
 *   CHARGE_DUE ─ sendCharge (just before the gateway call) ─► CHARGING
 *   CHARGING ─ recordCharge ─► SUCCEEDED | FAILED
 *   cancelPayment (order.cancelled) before CHARGING ─► CANCELLED (never charged)
 *   cancelPayment from CHARGING or SUCCEEDED ─► cancelRequested ─► (charge recorded)
 *     ─ recordRefund ─► REFUNDED
 *
 * CHARGE_DUE is the decision to charge, taken with the event that completes the two facts;
 * it is committed on its own, before anything is sent, so a cancellation handled meanwhile
 * still closes the payment without a charge. CHARGING is a commitment: it is stored in a
 * transaction of its own right before the gateway call, so once it is stored the gateway
 * may have been called, and it is always completed (idempotently) and never abandoned,
 * even when a cancellation arrives — then the charge is refunded.
 */
export const PAYMENT_STATUSES = [
  'AWAITING_ORDER',
  'AWAITING_RESERVATION',
  'CHARGE_DUE',
  'CHARGING',
  'SUCCEEDED',
  'FAILED',
  'REFUNDED',
  'CANCELLED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The statuses of an actual charge attempt (what clients see); the others are internal. */
export const CHARGE_STATUSES = ['SUCCEEDED', 'FAILED', 'REFUNDED'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

/** What order.created asks to be charged. */
export interface ChargeTerms {
  readonly userId: string;
  readonly amount: Decimal;
  readonly method: string;
}

export interface Payment {
  readonly id: string;
  readonly orderId: string;
  readonly status: PaymentStatus;
  /** Null until order.created has been seen. */
  readonly terms: ChargeTerms | null;
  /** The order was cancelled after the charge was committed to: refund once it succeeded. */
  readonly cancelRequested: boolean;
  /** Why the charge FAILED. */
  readonly reason: string | null;
  readonly providerReference: string | null;
  readonly refundReference: string | null;
  readonly processedAt: Date | null;
  readonly refundedAt: Date | null;
  readonly createdAt: Date;
}

/** What a payment provider answered to a charge. */
export type ChargeOutcome =
  | { readonly status: 'SUCCEEDED'; readonly providerReference: string }
  | { readonly status: 'FAILED'; readonly reason: string; readonly providerReference: string };

/** Identity for a payment row that may have to be created by the fact being applied. */
export interface NewPaymentIdentity {
  readonly id: string;
  readonly orderId: string;
  readonly now: Date;
}

function blankPayment(
  { id, orderId, now }: NewPaymentIdentity,
  status: PaymentStatus,
  terms: ChargeTerms | null,
): Payment {
  return {
    id,
    orderId,
    status,
    terms,
    cancelRequested: false,
    reason: null,
    providerReference: null,
    refundReference: null,
    processedAt: null,
    refundedAt: null,
    createdAt: now,
  };
}

// Each transition returns the changed payment, or null when the fact changes nothing (a
// replay, or a fact that no longer matters), so callers emit nothing for it.

/**
 * Opens the payment with what to charge (order.created). If the charge was already allowed
 * (the stock is held), it is due at once.
 */
export function openPayment(
  current: Payment | null,
  terms: ChargeTerms,
  identity: NewPaymentIdentity,
): Payment | null {
  if (current === null) return blankPayment(identity, 'AWAITING_RESERVATION', terms);
  if (current.status === 'AWAITING_ORDER') return { ...current, terms, status: 'CHARGE_DUE' };
  return null;
}

/**
 * Allows the charge (inventory.reserved: the goods are held). It is due at once if the
 * payment is open; else the allowance is remembered until it opens.
 */
export function allowCharge(current: Payment | null, identity: NewPaymentIdentity): Payment | null {
  if (current === null) return blankPayment(identity, 'AWAITING_ORDER', null);
  if (current.status === 'AWAITING_RESERVATION') return { ...current, status: 'CHARGE_DUE' };
  return null;
}

/**
 * The gateway is about to be called: from here on the charge may exist at the provider.
 * Only a due charge is sent — a cancellation handled after the decision (CANCELLED now)
 * wins, and no charge is ever sent.
 */
export function sendCharge(current: Payment | null): Payment | null {
  return current?.status === 'CHARGE_DUE' ? { ...current, status: 'CHARGING' } : null;
}

/**
 * Cancels the payment (order.cancelled): never charge from now on; refund whatever was (or
 * is being) charged.
 */
export function cancelPayment(
  current: Payment | null,
  identity: NewPaymentIdentity,
): Payment | null {
  // A cancellation seen first (its order.created was dead-lettered) still blocks any charge.
  if (current === null) return blankPayment(identity, 'CANCELLED', null);
  switch (current.status) {
    case 'AWAITING_ORDER':
    case 'AWAITING_RESERVATION':
    case 'CHARGE_DUE':
      return { ...current, status: 'CANCELLED' };
    case 'CHARGING':
    case 'SUCCEEDED':
      return current.cancelRequested ? null : { ...current, cancelRequested: true };
    case 'FAILED':
    case 'REFUNDED':
    case 'CANCELLED':
      return null;
  }
}

/** A payment whose charge has just been answered. */
export type ChargedPayment = Payment & { readonly status: ChargeOutcome['status'] };

/** The gateway answered a committed charge; only the first answer recorded counts. */
export function recordCharge(
  current: Payment | null,
  outcome: ChargeOutcome,
  now: Date,
): ChargedPayment | null {
  if (current?.status !== 'CHARGING') return null;
  return {
    ...current,
    status: outcome.status,
    reason: outcome.status === 'FAILED' ? outcome.reason : null,
    providerReference: outcome.providerReference,
    processedAt: now,
  };
}

/** A captured charge whose order was cancelled, not yet paid back. */
export function needsRefund(payment: Payment): boolean {
  return payment.status === 'SUCCEEDED' && payment.cancelRequested;
}

/** The gateway paid the charge back; recorded at most once. */
export function recordRefund(
  current: Payment | null,
  refundReference: string,
  now: Date,
): Payment | null {
  if (current === null || !needsRefund(current)) return null;
  return { ...current, status: 'REFUNDED', refundReference, refundedAt: now };
}

export function isCharge(
  payment: Payment,
): payment is Payment & { readonly status: ChargeStatus; readonly terms: ChargeTerms } {
  return (CHARGE_STATUSES as readonly string[]).includes(payment.status) && payment.terms !== null;
}

/** The terms of a payment that is past AWAITING_ORDER; their absence is a broken invariant. */
export function termsOf(payment: Payment): ChargeTerms {
  if (payment.terms === null) {
    throw new Error(`payment ${payment.id} (${payment.status}) has no charge terms`);
  }
  return payment.terms;
}

/** The provider's reference of an answered charge; its absence is a broken invariant. */
export function providerReferenceOf(payment: Payment): string {
  if (payment.providerReference === null) {
    throw new Error(`payment ${payment.id} (${payment.status}) has no provider reference`);
  }
  return payment.providerReference;
}
