import { type HttpAnswer, httpAnswerTo } from '@kafka-commerce/platform';
import {
  OrderAlreadyCancelledError,
  OrderNotFoundError,
  OrderTotalTooLargeError,
  UnknownProductsError,
} from '../domain/order.errors';
import { ordersHttpErrors } from './orders-http-errors';

const ORDER_ID = '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d';
const PRODUCT_ID = '0e4b8d5a-2c1f-4a3e-9b7d-6f5e4d3c2b1a';

/** What a request that failed with `error` is answered. */
function answerTo(error: Error): HttpAnswer | undefined {
  return httpAnswerTo(ordersHttpErrors, error);
}

describe('ordersHttpErrors', () => {
  it('answers a missing (or someone else’s) order with 404', () => {
    expect(answerTo(new OrderNotFoundError(ORDER_ID))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `order ${ORDER_ID} not found` },
    });
  });

  it('answers a second cancel with 409', () => {
    expect(answerTo(new OrderAlreadyCancelledError(ORDER_ID))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: `order ${ORDER_ID} is already cancelled`,
      },
    });
  });

  it('answers unknown products with 422, listing them', () => {
    expect(answerTo(new UnknownProductsError([PRODUCT_ID]))).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `unknown products: ${PRODUCT_ID}`,
        productIds: [PRODUCT_ID],
      },
    });
  });

  it('answers a total too large to store with 422', () => {
    expect(answerTo(new OrderTotalTooLargeError('9999999999.99'))).toMatchObject({
      status: 422,
      body: { statusCode: 422, error: 'Unprocessable Entity' },
    });
  });
});
