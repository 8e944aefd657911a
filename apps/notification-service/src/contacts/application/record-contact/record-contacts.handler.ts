import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventOf, type userRegisteredV1 } from '@kafka-commerce/events';
import { DeliverNotificationsHandler } from '../../../notifications/application/deliver-notifications/deliver-notifications.handler';
import { OPERATIONS_EMAIL } from '../../../notifications/application/notify-on-event/operations-email.token';
import { planNotifications } from '../../../notifications/domain/notification-plan';
import { ContactRepository } from './contact.repository';

export interface RecordContacts {
  readonly consumer: string;
  readonly events: readonly EventOf<typeof userRegisteredV1>[];
}

/** user.registered → the contact book, and a welcome email for each new user. */
@Injectable()
export class RecordContactsHandler {
  private readonly logger = new Logger(RecordContactsHandler.name);

  constructor(
    private readonly contacts: ContactRepository,
    private readonly delivery: DeliverNotificationsHandler,
    @Inject(OPERATIONS_EMAIL) private readonly operationsEmail: string,
  ) {}

  async execute({ consumer, events }: RecordContacts): Promise<void> {
    const { applied, notificationIds } = await this.contacts.applyOnce(
      consumer,
      events.map((event) => ({
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
      })),
    );
    this.logger.debug(
      { received: events.length, applied, notifications: notificationIds.length },
      'contacts recorded',
    );
    // After the commit, never inside it.
    await this.delivery.deliverNew(notificationIds);
  }
}
