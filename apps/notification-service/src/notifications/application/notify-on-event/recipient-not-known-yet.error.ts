/**
 * The event's customer is not in our projections yet: the users or orders topic is behind
 * the one this event came on. Thrown so the consumer retries (and, if it never catches up,
 * dead-letters the event for a re-drive) — it is not a business outcome.
 */
export class RecipientNotKnownYetError extends Error {
  constructor(what: string) {
    super(`${what} is not known yet`);
    this.name = 'RecipientNotKnownYetError';
  }
}
