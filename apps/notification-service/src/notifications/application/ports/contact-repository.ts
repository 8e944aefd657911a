import { type CustomerChannel, type NotificationDraft } from '../../domain/notification';

/** A user as registered (user.registered). */
export interface Contact {
  readonly userId: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly registeredAt: Date;
}

/** A user's profile after a change (user.updated): it replaces what the contact had. */
export interface ProfileChange {
  readonly userId: string;
  readonly username: string;
  readonly phone: string | null;
  readonly channels: readonly CustomerChannel[];
  /** Counts the user's profile changes; a change never replaces a later one. */
  readonly revision: number;
}

export type ContactUpdate =
  | {
      readonly kind: 'registered';
      /** The event the contact comes from; each is applied at most once. */
      readonly eventId: string;
      readonly contact: Contact;
      /**
       * Stored (PENDING) only when this is the first contact for the user: a user is welcomed
       * once, even when registration events repeat for them.
       */
      readonly notifications: readonly NotificationDraft[];
    }
  | {
      readonly kind: 'profile-changed';
      readonly eventId: string;
      readonly profile: ProfileChange;
    };

export interface AppliedContacts {
  /** How many of the events were new. */
  readonly applied: number;
  /** New events that changed nothing: older than what the contact already holds. */
  readonly stale: number;
  /** The notifications stored, for sending after the commit. */
  readonly notificationIds: readonly string[];
}

/** Port: the contact book. */
export abstract class ContactRepository {
  /**
   * Applies, in order and in one transaction, the updates whose events this consumer has not
   * handled before, with the notifications of contacts seen for the first time. A profile
   * change applies only over an older revision; a registration seen again after a profile
   * change leaves the newer profile alone. Throws ContactNotKnownError (applying nothing)
   * for a profile change of a user whose registration was never applied.
   */
  abstract applyOnce(consumer: string, updates: readonly ContactUpdate[]): Promise<AppliedContacts>;
}
