export const SIGNUP_SOURCES = ['web', 'mobile', 'api'] as const;
export type SignupSource = (typeof SIGNUP_SOURCES)[number];

export type UserRole = 'user' | 'admin';

/** Where a user can be notified; the order here is the order they are stored and sent in. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A new user is notified by email until they choose otherwise. */
export const DEFAULT_NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['email'];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly source: SignupSource;
  readonly role: UserRole;
  readonly createdAt: Date;
  readonly notificationChannels: readonly NotificationChannel[];
  /** Profile changes so far: 0 until the first one. */
  readonly profileRevision: number;
}

/** Emails are compared case-insensitively, so they are stored in one canonical form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
