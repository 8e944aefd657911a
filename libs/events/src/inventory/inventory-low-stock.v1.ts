import { z } from 'zod';
import { defineEvent } from '../define-event';
import { stockCountSchema, textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A product's available stock fell to or below its threshold. On the product's stream. */
export const inventoryLowStockV1 = defineEvent({
  type: 'inventory.low-stock',
  version: 1,
  topic: TOPICS.products.name,
  schema: z.object({
    productId: z.uuid(),
    sku: textSchema,
    available: stockCountSchema,
    threshold: stockCountSchema,
    detectedAt: timestampSchema,
  }),
  key: (payload) => payload.productId,
});

export type InventoryLowStockV1 = z.infer<typeof inventoryLowStockV1.schema>;

export const inventoryLowStockV1Fixture: InventoryLowStockV1 = {
  productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c',
  sku: 'MUG-001',
  available: 8,
  threshold: 10,
  detectedAt: '2026-11-26T10:00:02.000Z',
};
