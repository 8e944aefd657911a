import { type EventOf, type userRegisteredV1, type userUpdatedV1 } from '@kafka-commerce/events';
import { type ContactChange } from '../application/record-contacts/record-contacts.handler';
import { CUSTOMER_CHANNELS } from '../domain/notification';

export type UserEvent = EventOf<typeof userRegisteredV1 | typeof userUpdatedV1>;

/** What a users-topic event tells the contact book. */
export function contactChangeOf(event: UserEvent): ContactChange {
  switch (event.type) {
    case 'user.registered': {
      const { userId, email, username, phone, registeredAt } = event.payload;
      return {
        kind: 'registered',
        eventId: event.eventId,
        contact: {
          userId,
          email,
          username,
          phone: phone ?? null,
          registeredAt: new Date(registeredAt),
        },
      };
    }
    case 'user.updated': {
      const { userId, username, phone, notificationChannels, revision } = event.payload;
      return {
        kind: 'profile-changed',
        eventId: event.eventId,
        profile: {
          userId,
          username,
          phone: phone ?? null,
          // Known channels only, in one order.
          channels: CUSTOMER_CHANNELS.filter((channel) => notificationChannels.includes(channel)),
          revision,
        },
      };
    }
  }
}
