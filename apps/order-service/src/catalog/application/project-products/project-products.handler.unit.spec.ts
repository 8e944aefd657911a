import { RecordingCatalogRepository } from '../../../testing/recording-catalog-repository';
import { type CatalogUpdate } from '../ports/catalog-repository';
import { ProjectProductsHandler } from './project-products.handler';

const CONSUMER = 'order-service.products';

const update = (eventId: string, price: string): CatalogUpdate => ({
  eventId,
  entry: {
    productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
    sku: 'MUG-001',
    name: 'Kafka mug',
    price,
    asOf: new Date('2026-11-26T10:00:00.000Z'),
  },
});

describe('ProjectProductsHandler', () => {
  it('applies the batch’s updates to the catalog at once, in order', async () => {
    const catalog = new RecordingCatalogRepository();
    const updates = [
      update('0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11', '19.99'),
      update('5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d', '21.50'),
    ];

    await new ProjectProductsHandler(catalog).execute({ consumer: CONSUMER, updates });

    expect(catalog.calls).toEqual([{ consumer: CONSUMER, updates }]);
  });

  it('does not touch the store for a batch that changes no product', async () => {
    const catalog = new RecordingCatalogRepository();
    await new ProjectProductsHandler(catalog).execute({ consumer: CONSUMER, updates: [] });
    expect(catalog.calls).toEqual([]);
  });
});
