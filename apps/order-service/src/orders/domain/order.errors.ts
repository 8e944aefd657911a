/** Also used when the order exists but is not the caller's: its existence is not revealed. */
export class OrderNotFoundError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} not found`);
    this.name = 'OrderNotFoundError';
  }
}

export class OrderAlreadyCancelledError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} is already cancelled`);
    this.name = 'OrderAlreadyCancelledError';
  }
}

/** A move the state machine forbids; a programming error, since callers check first. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`an order cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export class UnknownProductsError extends Error {
  constructor(readonly productIds: readonly string[]) {
    super(`unknown products: ${productIds.join(', ')}`);
    this.name = 'UnknownProductsError';
  }
}

export class OrderTotalTooLargeError extends Error {
  constructor(readonly limit: string) {
    super(`the order total exceeds the largest amount an order can hold (${limit})`);
    this.name = 'OrderTotalTooLargeError';
  }
}
