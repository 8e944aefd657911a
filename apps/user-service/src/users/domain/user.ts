export const SIGNUP_SOURCES = ['web', 'mobile', 'api'] as const;
export type SignupSource = (typeof SIGNUP_SOURCES)[number];

export type UserRole = 'user' | 'admin';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  readonly phone: string | null;
  readonly source: SignupSource;
  readonly role: UserRole;
  readonly createdAt: Date;
}

/** Emails are compared case-insensitively, so they are stored in one canonical form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailAlreadyRegisteredError extends Error {
  constructor(readonly email: string) {
    super(`a user with email ${email} is already registered`);
    this.name = 'EmailAlreadyRegisteredError';
  }
}

export class InvalidCredentialsError extends Error {
  constructor() {
    super('invalid email or password');
    this.name = 'InvalidCredentialsError';
  }
}
