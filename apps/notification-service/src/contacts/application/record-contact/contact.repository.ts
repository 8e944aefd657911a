export interface Contact {
  readonly userId: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly registeredAt: Date;
}

export interface ContactUpdate {
  /** The event the contact comes from; each is applied at most once. */
  readonly eventId: string;
  readonly contact: Contact;
}

/** Port: the contact book. */
export abstract class ContactRepository {
  /**
   * Applies, in order and in one transaction, the updates whose events this consumer has not
   * handled before; returns how many were new.
   */
  abstract applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<number>;
}
