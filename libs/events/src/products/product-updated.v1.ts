import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneySchema } from '@kafka-commerce/money';
import { textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A product's catalog data changed (stock changes travel as inventory events). */
export const productUpdatedV1 = defineEvent({
  type: 'product.updated',
  version: 1,
  topic: TOPICS.products.name,
  schema: z.object({
    productId: z.uuid(),
    sku: textSchema,
    name: textSchema,
    price: moneySchema,
    updatedAt: timestampSchema,
  }),
  key: (payload) => payload.productId,
});

export type ProductUpdatedV1 = z.infer<typeof productUpdatedV1.schema>;

export const productUpdatedV1Fixture: ProductUpdatedV1 = {
  productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
  sku: 'MUG-001',
  name: 'Kafka mug (large)',
  price: '21.50',
  updatedAt: '2026-11-26T09:30:00.000Z',
};
