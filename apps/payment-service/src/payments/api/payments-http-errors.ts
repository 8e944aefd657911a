import { HttpStatus } from '@nestjs/common';
import { answer, type DomainErrorAnswer } from '@kafka-commerce/platform';
import { OrderPaymentsNotFoundError } from '../application/payment.errors';

/** How the payments module's errors answer over HTTP (registered in PaymentsModule). */
export const paymentsHttpErrors: readonly DomainErrorAnswer[] = [
  // Also another customer's order: its existence is not revealed.
  answer({ error: OrderPaymentsNotFoundError, status: HttpStatus.NOT_FOUND }),
];
