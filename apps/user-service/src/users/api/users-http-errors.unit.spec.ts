import { type HttpAnswer, httpAnswerTo } from '@kafka-commerce/platform';
import {
  EmailAlreadyRegisteredError,
  InvalidCredentialsError,
  ProfileRuleError,
  UserNotFoundError,
} from '../domain/user.errors';
import { usersHttpErrors } from './users-http-errors';

const USER_ID = '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11';

/** What a request that failed with `error` is answered. */
function answerTo(error: Error): HttpAnswer | undefined {
  return httpAnswerTo(usersHttpErrors, error);
}

describe('usersHttpErrors', () => {
  it('answers a duplicate email with 409', () => {
    expect(answerTo(new EmailAlreadyRegisteredError('ada@example.com'))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'a user with email ada@example.com is already registered',
      },
    });
  });

  it('answers wrong credentials with 401', () => {
    expect(answerTo(new InvalidCredentialsError())).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'invalid email or password' },
    });
  });

  it('answers a missing user with 404', () => {
    expect(answerTo(new UserNotFoundError(USER_ID))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `user ${USER_ID} not found` },
    });
  });

  it('answers a broken profile rule with 400 in the validation pipe’s shape', () => {
    expect(answerTo(new ProfileRuleError('notificationChannels', 'sms needs a phone'))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'notificationChannels', messages: ['sms needs a phone'] }],
      },
    });
  });
});
