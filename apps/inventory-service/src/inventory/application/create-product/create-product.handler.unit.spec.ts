import { InMemoryProductRepository } from '../../../testing/in-memory-product-repository';
import { SkuAlreadyExistsError } from '../../domain/product.errors';
import { CreateProductHandler } from './create-product.handler';

const command = {
  sku: 'MUG-001',
  name: 'Kafka mug',
  price: '19.9',
  stock: 100,
  lowStockThreshold: 10,
  correlationId: 'request-1',
};

describe('CreateProductHandler', () => {
  it('stores the product and emits product.created with it', async () => {
    const products = new InMemoryProductRepository();
    const product = await new CreateProductHandler(products).execute(command);

    expect(product).toMatchObject({ sku: 'MUG-001', price: '19.90', stock: 100, reserved: 0 });
    expect(products.outbox).toEqual([
      expect.objectContaining({
        topic: 'products',
        key: product.id,
        envelope: expect.objectContaining({
          type: 'product.created',
          producer: 'inventory-service',
          correlationId: 'request-1',
          causationId: null,
          payload: expect.objectContaining({
            productId: product.id,
            price: '19.90',
            stock: 100,
            lowStockThreshold: 10,
          }),
        }),
      }),
    ]);
  });

  it('refuses a taken sku', async () => {
    const handler = new CreateProductHandler(new InMemoryProductRepository());
    await handler.execute(command);
    await expect(handler.execute(command)).rejects.toBeInstanceOf(SkuAlreadyExistsError);
  });
});
