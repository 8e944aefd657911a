import { Inject, Injectable, Logger } from '@nestjs/common';
import { planNotifications } from '../../domain/notification-plan';
import { OPERATIONS_EMAIL } from '../notify-on-event/operations-email';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import {
  type Contact,
  ContactRepository,
  type ContactUpdate,
  type ProfileChange,
} from '../ports/contact-repository';

/** What a user's event tells the contact book, and the event it came in (applied once). */
export type ContactChange =
  | { readonly kind: 'registered'; readonly eventId: string; readonly contact: Contact }
  | { readonly kind: 'profile-changed'; readonly eventId: string; readonly profile: ProfileChange };

export interface RecordContacts {
  readonly consumer: string;
  /** A batch of the users topic's partition, in order. */
  readonly changes: readonly ContactChange[];
}

/**
 * The contact book: a registration adds a contact (and a welcome email for each new user), a
 * profile change replaces its profile — name, phone and chosen channels.
 */
@Injectable()
export class RecordContactsHandler {
  private readonly logger = new Logger(RecordContactsHandler.name);

  constructor(
    private readonly contacts: ContactRepository,
    private readonly delivery: DeliverNotificationsHandler,
    @Inject(OPERATIONS_EMAIL) private readonly operationsEmail: string,
  ) {}

  async execute({ consumer, changes }: RecordContacts): Promise<void> {
    const { applied, stale, notificationIds } = await this.contacts.applyOnce(
      consumer,
      changes.map((change) => this.updateFrom(change)),
    );
    this.logger.debug(
      { received: changes.length, applied, stale, notifications: notificationIds.length },
      'contacts recorded',
    );
    // After the commit, never inside it.
    await this.delivery.deliverNew(notificationIds);
  }

  private updateFrom(change: ContactChange): ContactUpdate {
    if (change.kind === 'profile-changed') return change;
    const { userId, email, username } = change.contact;
    return {
      ...change,
      notifications: planNotifications(
        { kind: 'user-registered', userId, email, username },
        { operationsEmail: this.operationsEmail, customer: null },
      ),
    };
  }
}
