import { type ArgumentsHost, type ClassProvider, type ExceptionFilter } from '@nestjs/common';
import { type HttpAdapterHost } from '@nestjs/core';
import { OrderPaymentsNotFoundError } from '../application/payment.errors';
import { paymentsHttpErrors } from './payments-http-errors';

const ORDER_ID = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

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
  const Filter = (paymentsHttpErrors as ClassProvider<ExceptionFilter>).useClass;
  new Filter(adapterHost).catch(error, host);
  const [reply] = replies;
  if (!reply) throw new Error('the filter did not answer');
  return reply;
}

describe('paymentsHttpErrors', () => {
  it("answers an order with no payment in the caller's view with 404, as Nest's NotFoundException did", () => {
    expect(answerTo(new OrderPaymentsNotFoundError(ORDER_ID))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `order ${ORDER_ID} not found` },
    });
  });
});
