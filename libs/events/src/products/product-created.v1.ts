import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneySchema } from '@kafka-commerce/money';
import { stockCountSchema, textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A product was added to the catalog with its opening stock. */
export const productCreatedV1 = defineEvent({
  type: 'product.created',
  version: 1,
  topic: TOPICS.products.name,
  schema: z.object({
    productId: z.uuid(),
    sku: textSchema,
    name: textSchema,
    price: moneySchema,
    stock: stockCountSchema,
    lowStockThreshold: stockCountSchema,
    createdAt: timestampSchema,
  }),
  key: (payload) => payload.productId,
});

export type ProductCreatedV1 = z.infer<typeof productCreatedV1.schema>;

export const productCreatedV1Fixture: ProductCreatedV1 = {
  productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
  sku: 'MUG-001',
  name: 'Kafka mug',
  price: '19.99',
  stock: 100,
  lowStockThreshold: 10,
  createdAt: '2026-11-26T09:00:00.000Z',
};
