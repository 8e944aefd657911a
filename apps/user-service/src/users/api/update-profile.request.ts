import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isE164 } from '../domain/profile';
import { NOTIFICATION_CHANNELS } from '../domain/user';

const E164 = 'must be in E.164 form, e.g. +4915112345678';
const CHANNEL_NAMES = NOTIFICATION_CHANNELS.map((channel) => `"${channel}"`).join(' and ');

function isChannel(name: string): boolean {
  return (NOTIFICATION_CHANNELS as readonly string[]).includes(name);
}

/**
 * PATCH /users/me. Every field is optional, but at least one must be given (the profile's
 * rule); null is refused except for phone, where it removes the number. Unknown fields are
 * refused.
 */
export class UpdateProfileRequest extends createZodDto(
  z.strictObject({
    username: z.string().min(2).max(50).optional().meta({ example: 'ada' }),
    phone: z.string({ error: E164 }).refine(isE164, E164).nullable().optional().meta({
      example: '+4915112345678',
      description: 'E.164; null removes the phone (then "sms" cannot be a channel)',
    }),
    notificationChannels: z
      .array(z.string().meta({ enum: [...NOTIFICATION_CHANNELS] }))
      .min(1, 'must name at least one channel')
      .max(NOTIFICATION_CHANNELS.length)
      // Checked on the whole list, so that the error names the field, not a position in it.
      .refine((channels) => channels.every(isChannel), `may only hold ${CHANNEL_NAMES}`)
      .refine((channels) => new Set(channels).size === channels.length, 'must not repeat a channel')
      .pipe(z.array(z.enum(NOTIFICATION_CHANNELS)))
      .optional()
      .meta({
        example: ['email', 'sms'],
        description: 'Where order news goes: "sms" needs a phone',
      }),
    // Known, and refused: changing the email needs a verification step.
    email: z
      .never({
        error:
          'cannot be changed here: a new address must be verified first, which is not supported yet',
      })
      .optional()
      .meta({ description: 'Refused: changing the email needs a verification step' }),
  }),
) {}
