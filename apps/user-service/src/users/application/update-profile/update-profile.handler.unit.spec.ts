import { type EventOf, userUpdatedV1 } from '@kafka-commerce/events';
import { type User } from '../../domain/user';
import { ProfileRuleError, UserNotFoundError } from '../../domain/user.errors';
import { InMemoryUserRepository } from '../../../testing/in-memory-user-repository';
import { UpdateProfileHandler } from './update-profile.handler';

const ada: User = {
  id: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  email: 'ada@example.com',
  username: 'ada',
  phone: null,
  source: 'web',
  role: 'user',
  createdAt: new Date('2026-11-26T10:00:00.000Z'),
  notificationChannels: ['email'],
  profileRevision: 0,
};

async function setUp() {
  const users = new InMemoryUserRepository();
  await users.create({ ...ada, passwordHash: 'hash' }, []);
  return { users, handler: new UpdateProfileHandler(users) };
}

function published(users: InMemoryUserRepository): EventOf<typeof userUpdatedV1>[] {
  return users.outbox.map((event) => {
    expect(event.topic).toBe('users');
    expect(event.key).toBe(ada.id);
    return event.envelope as EventOf<typeof userUpdatedV1>;
  });
}

describe('UpdateProfileHandler', () => {
  it('stores the new profile and announces all of it in user.updated', async () => {
    const { users, handler } = await setUp();

    const updated = await handler.execute({
      userId: ada.id,
      patch: { phone: '+4915112345678', notificationChannels: ['sms', 'email'] },
      correlationId: 'request-1',
    });

    expect(updated).toMatchObject({
      phone: '+4915112345678',
      notificationChannels: ['email', 'sms'],
      profileRevision: 1,
    });
    expect(await users.findById(ada.id)).toEqual(updated);
    const [event, ...rest] = published(users);
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      type: 'user.updated',
      version: 1,
      producer: 'user-service',
      correlationId: 'request-1',
      payload: {
        userId: ada.id,
        username: 'ada',
        phone: '+4915112345678',
        notificationChannels: ['email', 'sms'],
        revision: 1,
      },
    });
    expect(userUpdatedV1.schema.safeParse(event?.payload).success).toBe(true);
  });

  it('counts revisions and leaves out a phone the user removed', async () => {
    const { users, handler } = await setUp();
    await handler.execute({
      userId: ada.id,
      patch: { phone: '+4915112345678' },
      correlationId: 'a',
    });
    await handler.execute({ userId: ada.id, patch: { phone: null }, correlationId: 'b' });

    const [first, second] = published(users);
    expect(first?.payload.revision).toBe(1);
    expect(second?.payload).toEqual({
      userId: ada.id,
      username: 'ada',
      notificationChannels: ['email'],
      revision: 2,
      updatedAt: expect.any(String),
    });
  });

  it('stores and announces nothing for a patch the rules refuse', async () => {
    const { users, handler } = await setUp();
    await expect(
      handler.execute({
        userId: ada.id,
        patch: { notificationChannels: ['sms'] },
        correlationId: 'c',
      }),
    ).rejects.toBeInstanceOf(ProfileRuleError);
    expect(users.outbox).toHaveLength(0);
    expect(await users.findById(ada.id)).toEqual(ada);
  });

  it('answers an unknown user with UserNotFoundError', async () => {
    const { handler } = await setUp();
    await expect(
      handler.execute({
        userId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001',
        patch: { username: 'x' },
        correlationId: 'd',
      }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });
});
