import { HttpStatus } from '@nestjs/common';
import { answer, type DomainErrorAnswer } from '@kafka-commerce/platform';
import {
  ProductNotFoundError,
  SkuAlreadyExistsError,
  StockLimitExceededError,
} from '../domain/product.errors';

/** How the inventory module's domain errors answer over HTTP (registered in InventoryModule). */
export const inventoryHttpErrors: readonly DomainErrorAnswer[] = [
  answer({ error: ProductNotFoundError, status: HttpStatus.NOT_FOUND }),
  answer({ error: SkuAlreadyExistsError, status: HttpStatus.CONFLICT }),
  // A restock past the unit limit: valid input that cannot be served.
  answer({ error: StockLimitExceededError, status: HttpStatus.UNPROCESSABLE_ENTITY }),
];
