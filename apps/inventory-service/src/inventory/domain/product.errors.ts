export class ProductNotFoundError extends Error {
  constructor(readonly productId: string) {
    super(`product ${productId} not found`);
    this.name = 'ProductNotFoundError';
  }
}

export class SkuAlreadyExistsError extends Error {
  constructor(readonly sku: string) {
    super(`a product with sku ${sku} already exists`);
    this.name = 'SkuAlreadyExistsError';
  }
}

export class StockLimitExceededError extends Error {
  constructor(
    readonly productId: string,
    readonly limit: number,
  ) {
    super(`product ${productId} cannot receive more than ${limit} units in all`);
    this.name = 'StockLimitExceededError';
  }
}

export class InventoryInvariantError extends Error {
  constructor(
    readonly productId: string,
    detail: string,
  ) {
    super(`stock invariant broken for product ${productId}: ${detail}`);
    this.name = 'InventoryInvariantError';
  }
}
