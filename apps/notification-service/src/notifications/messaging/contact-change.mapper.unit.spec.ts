import { userRegisteredV1Fixture } from '@kafka-commerce/events';
import { userRegistered, userUpdated } from '../../testing/events';
import { contactChangeOf } from './contact-change.mapper';

const { userId } = userRegisteredV1Fixture;

describe('contactChangeOf', () => {
  it('user.registered → a new contact, without a phone when none was given', () => {
    const event = userRegistered();
    expect(contactChangeOf(event)).toEqual({
      kind: 'registered',
      eventId: event.eventId,
      contact: {
        userId,
        email: 'ada@example.com',
        username: 'ada',
        phone: '+44 20 7946 0000',
        registeredAt: new Date('2026-11-26T10:00:00.000Z'),
      },
    });
    expect(contactChangeOf(userRegistered({ phone: undefined }))).toMatchObject({
      contact: { phone: null },
    });
  });

  it('user.updated → the profile as it is now, channels in one order', () => {
    const event = userUpdated({ notificationChannels: ['sms', 'email'], revision: 3 });
    expect(contactChangeOf(event)).toEqual({
      kind: 'profile-changed',
      eventId: event.eventId,
      profile: {
        userId,
        username: 'ada',
        phone: '+4915112345678',
        channels: ['email', 'sms'],
        revision: 3,
      },
    });
    expect(
      contactChangeOf(userUpdated({ phone: undefined, notificationChannels: ['email'] })),
    ).toMatchObject({ profile: { phone: null, channels: ['email'] } });
  });
});
