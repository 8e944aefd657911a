import { type HttpAnswer, httpAnswerTo } from '@kafka-commerce/platform';
import {
  ConflictException,
  type HttpException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { MAX_UNITS } from '../domain/product';
import {
  ProductNotFoundError,
  SkuAlreadyExistsError,
  StockLimitExceededError,
} from '../domain/product.errors';
import { inventoryHttpErrors } from './inventory-http-errors';

const PRODUCT_ID = '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c';

/** What a request that failed with `error` is answered. */
function answerTo(error: Error): HttpAnswer | undefined {
  return httpAnswerTo(inventoryHttpErrors, error);
}

/** What the controller answered before, when it threw `exception` itself. */
function formerly(exception: HttpException): { status: number; body: unknown } {
  return { status: exception.getStatus(), body: exception.getResponse() };
}

describe('inventoryHttpErrors', () => {
  it('answers an unknown product with 404', () => {
    const error = new ProductNotFoundError(PRODUCT_ID);
    expect(answerTo(error)).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `product ${PRODUCT_ID} not found` },
    });
    expect(answerTo(error)).toEqual(formerly(new NotFoundException(error.message)));
  });

  it('answers a taken sku with 409', () => {
    const error = new SkuAlreadyExistsError('MUG-001');
    expect(answerTo(error)).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'a product with sku MUG-001 already exists',
      },
    });
    expect(answerTo(error)).toEqual(formerly(new ConflictException(error.message)));
  });

  it('answers a restock past the unit limit with 422', () => {
    const error = new StockLimitExceededError(PRODUCT_ID, MAX_UNITS);
    expect(answerTo(error)).toMatchObject({
      status: 422,
      body: { statusCode: 422, error: 'Unprocessable Entity', message: error.message },
    });
    expect(answerTo(error)).toEqual(formerly(new UnprocessableEntityException(error.message)));
  });
});
