/** A customer asked for another user's notifications: only admins may. */
export class OtherUsersNotificationsError extends Error {
  constructor(readonly userId: string) {
    super(`the notifications of user ${userId} are not yours`);
    this.name = 'OtherUsersNotificationsError';
  }
}

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

/**
 * A profile change for a user not in the contact book. Their user.registered comes first on
 * the same partition, so it was not applied (dead-lettered): thrown so the consumer retries
 * and then dead-letters this event too, to be re-driven after the registration.
 */
export class ContactNotKnownError extends Error {
  constructor(readonly userId: string) {
    super(`user ${userId} changed their profile but is not in the contact book yet`);
    this.name = 'ContactNotKnownError';
  }
}
