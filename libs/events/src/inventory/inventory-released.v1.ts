import { z } from 'zod';
import { defineEvent } from '../define-event';
import { lineItemSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A cancelled order's reservation was given back to available stock. */
export const inventoryReleasedV1 = defineEvent({
  type: 'inventory.released',
  version: 1,
  topic: TOPICS.reservations.name,
  schema: z.object({
    orderId: z.uuid(),
    items: z.array(lineItemSchema).min(1),
    releasedAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type InventoryReleasedV1 = z.infer<typeof inventoryReleasedV1.schema>;

export const inventoryReleasedV1Fixture: InventoryReleasedV1 = {
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  items: [
    { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 2 },
    { productId: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b', quantity: 1 },
  ],
  releasedAt: '2026-11-26T10:05:00.000Z',
};
