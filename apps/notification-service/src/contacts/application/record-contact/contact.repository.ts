import { type NotificationDraft } from '../../../notifications/domain/notification';

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
  /**
   * Stored (PENDING) only when this is the first contact for the user: a user is welcomed
   * once, even when registration events repeat for them.
   */
  readonly notifications: readonly NotificationDraft[];
}

export interface AppliedContacts {
  /** How many of the events were new. */
  readonly applied: number;
  /** The notifications stored, for sending after the commit. */
  readonly notificationIds: readonly string[];
}

/** Port: the contact book. */
export abstract class ContactRepository {
  /**
   * Applies, in order and in one transaction, the updates whose events this consumer has not
   * handled before, with the notifications of contacts seen for the first time.
   */
  abstract applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<AppliedContacts>;
}
