import { HttpStatus } from '@nestjs/common';
import { answer, type DomainErrorAnswer } from '@kafka-commerce/platform';
import {
  EmailAlreadyRegisteredError,
  InvalidCredentialsError,
  ProfileRuleError,
  UserNotFoundError,
} from '../domain/user.errors';

/** How the users module's domain errors answer over HTTP (registered in UsersModule). */
export const usersHttpErrors: readonly DomainErrorAnswer[] = [
  answer({ error: EmailAlreadyRegisteredError, status: HttpStatus.CONFLICT }),
  answer({ error: InvalidCredentialsError, status: HttpStatus.UNAUTHORIZED }),
  answer({ error: UserNotFoundError, status: HttpStatus.NOT_FOUND }),
  answer({
    error: ProfileRuleError,
    status: HttpStatus.BAD_REQUEST,
    // The same shape as the validation pipe's answer, so clients read one format.
    details: (error) => ({
      message: 'Validation failed',
      errors: [{ field: error.field, messages: [error.message] }],
    }),
  }),
];
