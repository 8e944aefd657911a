export interface Contact {
  readonly userId: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly registeredAt: Date;
}

export interface HandledEvent {
  readonly consumer: string;
  readonly eventId: string;
}

/** Port: the contact book, written once per handled event. */
export abstract class ContactRepository {
  /**
   * Records the contact and marks the event handled, atomically. Returns false (and writes
   * nothing) when this consumer has already handled the event.
   */
  abstract saveOnce(event: HandledEvent, contact: Contact): Promise<boolean>;
}
