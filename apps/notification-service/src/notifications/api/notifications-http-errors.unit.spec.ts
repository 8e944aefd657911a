import { type HttpAnswer, httpAnswerTo } from '@kafka-commerce/platform';
import { OtherUsersNotificationsError } from '../application/notification.errors';
import { notificationsHttpErrors } from './notifications-http-errors';

const OTHER_USER_ID = '6d0c55a4-3f0e-4f5e-9d1c-2b8e8f1b7c22';

/** What a request that failed with `error` is answered. */
function answerTo(error: Error): HttpAnswer | undefined {
  return httpAnswerTo(notificationsHttpErrors, error);
}

describe('notificationsHttpErrors', () => {
  it("answers a customer asking for another user's notifications with 403, as Nest's ForbiddenException did", () => {
    expect(answerTo(new OtherUsersNotificationsError(OTHER_USER_ID))).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: `the notifications of user ${OTHER_USER_ID} are not yours`,
      },
    });
  });
});
