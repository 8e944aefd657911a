import { type HttpAnswer, httpAnswerTo } from '@kafka-commerce/platform';
import { OrderPaymentsNotFoundError } from '../application/payment.errors';
import { paymentsHttpErrors } from './payments-http-errors';

const ORDER_ID = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';

/** What a request that failed with `error` is answered. */
function answerTo(error: Error): HttpAnswer | undefined {
  return httpAnswerTo(paymentsHttpErrors, error);
}

describe('paymentsHttpErrors', () => {
  it("answers an order with no payment in the caller's view with 404, as Nest's NotFoundException did", () => {
    expect(answerTo(new OrderPaymentsNotFoundError(ORDER_ID))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `order ${ORDER_ID} not found` },
    });
  });
});
