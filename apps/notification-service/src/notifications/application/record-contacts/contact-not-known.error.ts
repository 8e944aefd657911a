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
