import { aProduct } from '../../../testing/product-builder';
import { InMemoryProductRepository } from '../../../testing/in-memory-product-repository';
import { MAX_UNITS } from '../../domain/product';
import { ProductNotFoundError, StockLimitExceededError } from '../../domain/product.errors';
import { RestockProductHandler } from './restock-product.handler';

function setUp(stock = 10) {
  const products = new InMemoryProductRepository();
  const product = aProduct({ stock });
  products.products.set(product.id, product);
  return { products, product, handler: new RestockProductHandler(products) };
}

describe('RestockProductHandler', () => {
  it('adds the units and emits product.updated', async () => {
    const { products, product, handler } = setUp();
    const restocked = await handler.execute({
      productId: product.id,
      quantity: 5,
      correlationId: 'request-2',
    });

    expect(restocked).toMatchObject({ stock: 15, restocked: 5 });
    expect(products.outbox.map((event) => event.envelope)).toEqual([
      expect.objectContaining({
        type: 'product.updated',
        correlationId: 'request-2',
        payload: expect.objectContaining({ productId: product.id, sku: product.sku }),
      }),
    ]);
  });

  it('fails for an unknown product', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute({
        productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
        quantity: 1,
        correlationId: 'r',
      }),
    ).rejects.toBeInstanceOf(ProductNotFoundError);
  });

  it('fails past the unit limit, changing nothing', async () => {
    const { products, product, handler } = setUp(MAX_UNITS);
    await expect(
      handler.execute({ productId: product.id, quantity: 1, correlationId: 'r' }),
    ).rejects.toBeInstanceOf(StockLimitExceededError);
    expect(products.products.get(product.id)?.stock).toBe(MAX_UNITS);
    expect(products.outbox).toHaveLength(0);
  });
});
