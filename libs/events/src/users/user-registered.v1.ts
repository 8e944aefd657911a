import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';

export const userRegisteredV1 = defineEvent({
  type: 'user.registered',
  version: 1,
  topic: TOPICS.users.name,
  schema: z.object({
    userId: z.uuid(),
    email: z.email(),
    username: z.string().min(1),
    phone: z.string().min(1).optional(),
    source: z.enum(['web', 'mobile', 'api']),
    registeredAt: z.iso.datetime({ offset: true }),
  }),
  key: (payload) => payload.userId,
});

export type UserRegisteredV1 = z.infer<typeof userRegisteredV1.schema>;

export const userRegisteredV1Fixture: UserRegisteredV1 = {
  userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  email: 'ada@example.com',
  username: 'ada',
  phone: '+44 20 7946 0000',
  source: 'web',
  registeredAt: '2026-11-26T10:00:00.000Z',
};
