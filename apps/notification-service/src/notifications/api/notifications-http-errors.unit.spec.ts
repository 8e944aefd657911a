import { type ArgumentsHost, type ClassProvider, type ExceptionFilter } from '@nestjs/common';
import { type HttpAdapterHost } from '@nestjs/core';
import { OtherUsersNotificationsError } from '../application/notification.errors';
import { notificationsHttpErrors } from './notifications-http-errors';

const OTHER_USER_ID = '6d0c55a4-3f0e-4f5e-9d1c-2b8e8f1b7c22';

/** What the filter answers an HTTP request that failed with `error`. */
function answerTo(error: Error): { status: number; body: unknown } {
  const replies: { status: number; body: unknown }[] = [];
  const adapterHost = {
    httpAdapter: {
      reply: (_response: unknown, body: unknown, status: number) => replies.push({ status, body }),
    },
  } as unknown as HttpAdapterHost;
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => ({}) }),
  } as unknown as ArgumentsHost;
  const Filter = (notificationsHttpErrors as ClassProvider<ExceptionFilter>).useClass;
  new Filter(adapterHost).catch(error, host);
  const [reply] = replies;
  if (!reply) throw new Error('the filter did not answer');
  return reply;
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
