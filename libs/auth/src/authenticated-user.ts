export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified access token. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
}
