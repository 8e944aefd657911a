import { HttpStatus } from '@nestjs/common';
import { answer, type DomainErrorAnswer } from '@kafka-commerce/platform';
import {
  OrderAlreadyCancelledError,
  OrderNotFoundError,
  OrderTotalTooLargeError,
  UnknownProductsError,
} from '../domain/order.errors';

/** How the orders module's domain errors answer over HTTP (registered in OrdersModule). */
export const ordersHttpErrors: readonly DomainErrorAnswer[] = [
  // Also someone else's order: its existence is not revealed.
  answer({ error: OrderNotFoundError, status: HttpStatus.NOT_FOUND }),
  answer({ error: OrderAlreadyCancelledError, status: HttpStatus.CONFLICT }),
  answer({
    error: UnknownProductsError,
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    details: (error) => ({ productIds: error.productIds }),
  }),
  answer({ error: OrderTotalTooLargeError, status: HttpStatus.UNPROCESSABLE_ENTITY }),
];
