import { NOTIFICATION_CHANNELS, type NotificationChannel, type User } from './user';
import { ProfileRuleError } from './user.errors';

/** A phone number in E.164 form: `+`, country code, subscriber number, 15 digits at most. */
const E164 = /^\+[1-9][0-9]{1,14}$/;

export function isE164(phone: string): boolean {
  return E164.test(phone);
}

/** What a user may change about themselves; absent fields stay as they are. */
export interface ProfilePatch {
  readonly username?: string;
  /** E.164; null removes the phone. */
  readonly phone?: string | null;
  readonly notificationChannels?: readonly NotificationChannel[];
}

const PATCHABLE = ['username', 'phone', 'notificationChannels'] as const;

/**
 * The profile after `patch`, one revision later. Rules that need the whole profile are
 * checked here: SMS needs a phone, so "sms" cannot be chosen (or kept) without one.
 */
export function applyProfilePatch(user: User, patch: ProfilePatch): User {
  if (PATCHABLE.every((field) => patch[field] === undefined)) {
    throw new ProfileRuleError(
      'body',
      `the body must change at least one of ${PATCHABLE.join(', ')}`,
    );
  }
  if (patch.phone != null && !isE164(patch.phone)) {
    throw new ProfileRuleError('phone', 'phone must be in E.164 form, e.g. +4915112345678');
  }
  const phone = patch.phone === undefined ? user.phone : patch.phone;
  const notificationChannels =
    patch.notificationChannels === undefined
      ? user.notificationChannels
      : NOTIFICATION_CHANNELS.filter((channel) => patch.notificationChannels?.includes(channel));
  if (notificationChannels.length === 0) {
    throw new ProfileRuleError('notificationChannels', 'notificationChannels must name a channel');
  }
  if (notificationChannels.includes('sms')) requireSmsPhone(phone, patch);
  return {
    ...user,
    username: patch.username ?? user.username,
    phone,
    notificationChannels,
    profileRevision: user.profileRevision + 1,
  };
}

function requireSmsPhone(phone: string | null, patch: ProfilePatch): void {
  if (phone === null) {
    const field = patch.phone === null ? 'phone' : 'notificationChannels';
    throw new ProfileRuleError(
      field,
      '"sms" needs a phone number: send phone (E.164, e.g. +4915112345678) with it, or choose only "email"',
    );
  }
  // A phone given at registration was only loosely checked; SMS goes to E.164 numbers only.
  if (!isE164(phone)) {
    throw new ProfileRuleError(
      'phone',
      `"sms" needs a phone in E.164 form (e.g. +4915112345678); the one on file (${phone}) is not: send phone with it`,
    );
  }
}
