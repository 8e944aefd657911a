/*
 * When notifications are (re)sent. A new notification is sent by the instance whose consumer
 * stored it, right after the commit: stored already claimed for that first attempt (event
 * mail), or left unclaimed to that instance for a grace period (contact mail); the
 * background sender only takes it over once the lease or the grace period has run out, so
 * the two do not race for it. An attempt holds a lease: if the sender dies mid-attempt, the
 * lease runs out and another sender retries — so a mail may go out twice (sent, then crashed
 * before marking it), but never zero times, and the row stays one.
 */

/** How long a fresh, unclaimed notification is left to the instance that stored it. */
export const FRESH_DELIVERY_GRACE_MS = 5_000;

/**
 * How long a consumer spends sending what it has just stored before it moves on, leaving the
 * rest to the background sender: an unreachable mail server must not stall consumption
 * (nor outlast the consumer's session with the broker).
 */
export const NEW_DELIVERY_BUDGET_MS = 10_000;

/** How long one attempt may take before another sender may assume it died. */
export const DELIVERY_LEASE_MS = 60_000;

/** Attempts before a notification stays FAILED for good. */
export const MAX_DELIVERY_ATTEMPTS = 12;

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 10 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt; null when it was the last one.
 * 5 s, 10 s, 20 s … capped at 10 minutes: about 50 minutes in all.
 */
export function retryDelayAfterFailure(attempts: number): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
