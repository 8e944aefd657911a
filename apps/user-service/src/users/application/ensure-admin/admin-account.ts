/**
 * The administrator account made sure of at start-up (ADMIN_EMAIL / ADMIN_PASSWORD); the
 * class is also its injection token.
 */
export class AdminAccount {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {}
}
