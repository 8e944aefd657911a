import { TOPICS } from '@kafka-commerce/events';
import { KafkaEventContext } from '@kafka-commerce/messaging';
import { inventoryLowStock, productCreated, productUpdated } from '../../testing/events';
import { RecordingCatalogRepository } from '../../testing/recording-catalog-repository';
import { ProjectProductsHandler } from '../application/project-products/project-products.handler';
import { ProductEventsConsumer } from './product-events.consumer';

const CONSUMER = 'order-service.products';

function setUp() {
  const catalog = new RecordingCatalogRepository();
  const consumer = new ProductEventsConsumer(new ProjectProductsHandler(catalog));
  const delivery = new KafkaEventContext([TOPICS.products.name, 0, CONSUMER]);
  return { catalog, consumer, delivery };
}

describe('ProductEventsConsumer', () => {
  it('turns created and updated products into catalog entries, in order', async () => {
    const { catalog, consumer, delivery } = setUp();
    const created = productCreated();
    const updated = productUpdated();

    await consumer.onProductEvents([created, updated], delivery);

    expect(catalog.calls).toEqual([
      {
        consumer: CONSUMER,
        updates: [
          {
            eventId: created.eventId,
            entry: {
              productId: created.payload.productId,
              sku: 'MUG-001',
              name: 'Kafka mug',
              price: '19.99',
              asOf: new Date(created.payload.createdAt),
            },
          },
          {
            eventId: updated.eventId,
            entry: {
              productId: updated.payload.productId,
              sku: 'MUG-001',
              name: 'Kafka mug (large)',
              price: '21.50',
              asOf: new Date(updated.payload.updatedAt),
            },
          },
        ],
      },
    ]);
  });

  it('ignores low-stock alerts, and does not touch the store for a batch of only those', async () => {
    const { catalog, consumer, delivery } = setUp();
    await consumer.onProductEvents([inventoryLowStock()], delivery);
    expect(catalog.calls).toEqual([]);
  });
});
