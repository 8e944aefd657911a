import { randomUUID } from 'node:crypto';
import {
  inventoryLowStockV1Fixture,
  productCreatedV1Fixture,
  productUpdatedV1Fixture,
} from '@kafka-commerce/events';
import { type CatalogUpdate, CatalogRepository } from '../ports/catalog-repository';
import { type ProductEvent, ProjectProductsHandler } from './project-products.handler';

class RecordingCatalogRepository extends CatalogRepository {
  readonly calls: { consumer: string; updates: readonly CatalogUpdate[] }[] = [];

  applyOnce(consumer: string, updates: readonly CatalogUpdate[]): Promise<number> {
    this.calls.push({ consumer, updates });
    return Promise.resolve(updates.length);
  }
}

function envelope<TType extends ProductEvent['type'], TPayload>(type: TType, payload: TPayload) {
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: '2026-11-26T10:00:00.000Z',
    producer: 'inventory-service',
    correlationId: 'c',
    causationId: null,
    payload,
  };
}

describe('ProjectProductsHandler', () => {
  it('turns created and updated products into catalog entries, in order', async () => {
    const catalog = new RecordingCatalogRepository();
    const created = envelope('product.created', productCreatedV1Fixture);
    const updated = envelope('product.updated', productUpdatedV1Fixture);

    await new ProjectProductsHandler(catalog).execute({
      consumer: 'order-service.products',
      events: [created, updated],
    });

    expect(catalog.calls).toEqual([
      {
        consumer: 'order-service.products',
        updates: [
          {
            eventId: created.eventId,
            entry: {
              productId: productCreatedV1Fixture.productId,
              sku: 'MUG-001',
              name: 'Kafka mug',
              price: '19.99',
              asOf: new Date(productCreatedV1Fixture.createdAt),
            },
          },
          {
            eventId: updated.eventId,
            entry: {
              productId: productUpdatedV1Fixture.productId,
              sku: 'MUG-001',
              name: 'Kafka mug (large)',
              price: '21.50',
              asOf: new Date(productUpdatedV1Fixture.updatedAt),
            },
          },
        ],
      },
    ]);
  });

  it('ignores low-stock alerts, and does not touch the store for a batch of only those', async () => {
    const catalog = new RecordingCatalogRepository();
    await new ProjectProductsHandler(catalog).execute({
      consumer: 'order-service.products',
      events: [envelope('inventory.low-stock', inventoryLowStockV1Fixture)],
    });
    expect(catalog.calls).toEqual([]);
  });
});
