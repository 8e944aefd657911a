import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliverNotificationsHandler } from '../deliver-notifications/deliver-notifications.handler';
import { OPERATIONS_EMAIL } from '../notify-on-event/operations-email';
import { type UserEvent } from '../../domain/notifiable-event';
import { CUSTOMER_CHANNELS } from '../../domain/notification';
import { planNotifications } from '../../domain/notification-plan';
import { ContactRepository, type ContactUpdate } from '../ports/contact-repository';

export interface RecordContacts {
  readonly consumer: string;
  readonly events: readonly UserEvent[];
}

/**
 * users topic → the contact book: user.registered adds a contact (and a welcome email for
 * each new user), user.updated replaces its profile — name, phone and chosen channels.
 */
@Injectable()
export class RecordContactsHandler {
  private readonly logger = new Logger(RecordContactsHandler.name);

  constructor(
    private readonly contacts: ContactRepository,
    private readonly delivery: DeliverNotificationsHandler,
    @Inject(OPERATIONS_EMAIL) private readonly operationsEmail: string,
  ) {}

  async execute({ consumer, events }: RecordContacts): Promise<void> {
    const { applied, stale, notificationIds } = await this.contacts.applyOnce(
      consumer,
      events.map((event) => this.updateFrom(event)),
    );
    this.logger.debug(
      { received: events.length, applied, stale, notifications: notificationIds.length },
      'contacts recorded',
    );
    // After the commit, never inside it.
    await this.delivery.deliverNew(notificationIds);
  }

  private updateFrom(event: UserEvent): ContactUpdate {
    switch (event.type) {
      case 'user.registered':
        return {
          kind: 'registered',
          eventId: event.eventId,
          contact: {
            userId: event.payload.userId,
            email: event.payload.email,
            username: event.payload.username,
            phone: event.payload.phone ?? null,
            registeredAt: new Date(event.payload.registeredAt),
          },
          notifications: planNotifications(event, {
            operationsEmail: this.operationsEmail,
            customer: null,
          }),
        };
      case 'user.updated': {
        const { userId, username, phone, notificationChannels, revision } = event.payload;
        return {
          kind: 'profile-changed',
          eventId: event.eventId,
          profile: {
            userId,
            username,
            phone: phone ?? null,
            channels: CUSTOMER_CHANNELS.filter((channel) => notificationChannels.includes(channel)),
            revision,
          },
        };
      }
    }
  }
}
