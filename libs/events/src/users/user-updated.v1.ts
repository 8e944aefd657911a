import { z } from 'zod';
import { defineEvent } from '../define-event';
import { textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A phone number in E.164 form, e.g. `+4915112345678`. */
const E164_PHONE = /^\+[1-9][0-9]{1,14}$/;

/** The channels a customer may ask to be notified on (wire names: never rename one). */
export const USER_NOTIFICATION_CHANNELS = ['email', 'sms'] as const;

/**
 * A user changed their profile. The payload is the profile as it is after the change (not
 * the patch), so a consumer keeps its copy current by storing it. `revision` counts the
 * user's profile changes (1 for the first): on the users topic a user's events arrive in
 * order, and a consumer that stores the revision also ignores an older change seen again
 * under a fresh event id (a re-driven dead letter). `phone` is absent when the user has none;
 * it is E.164 (`+4915112345678`) whenever "sms" is among the channels (one given at
 * registration, before E.164 was required, may be in another form while only "email" is).
 * The email address never changes through this event.
 */
export const userUpdatedV1 = defineEvent({
  type: 'user.updated',
  version: 1,
  topic: TOPICS.users.name,
  schema: z
    .object({
      userId: z.uuid(),
      username: textSchema,
      phone: textSchema
        .optional()
        .describe('E.164 (e.g. +4915112345678) whenever notificationChannels includes "sms"'),
      notificationChannels: z.array(z.enum(USER_NOTIFICATION_CHANNELS)).min(1),
      revision: z.number().int().positive(),
      updatedAt: timestampSchema,
    })
    .refine(
      (profile) =>
        !profile.notificationChannels.includes('sms') ||
        (profile.phone !== undefined && E164_PHONE.test(profile.phone)),
      { error: '"sms" needs an E.164 phone', path: ['phone'] },
    ),
  key: (payload) => payload.userId,
});

export type UserUpdatedV1 = z.infer<typeof userUpdatedV1.schema>;

export const userUpdatedV1Fixture: UserUpdatedV1 = {
  userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  username: 'ada',
  phone: '+4915112345678',
  notificationChannels: ['email', 'sms'],
  revision: 1,
  updatedAt: '2026-11-27T10:00:00.000Z',
};
