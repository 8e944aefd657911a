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

export class UserNotFoundError extends Error {
  constructor(readonly userId: string) {
    super(`user ${userId} not found`);
    this.name = 'UserNotFoundError';
  }
}

/** A patch that breaks a profile rule; `field` names the request field to fix. */
export class ProfileRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileRuleError';
  }
}
