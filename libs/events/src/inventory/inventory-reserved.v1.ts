import { z } from 'zod';
import { defineEvent } from '../define-event';
import { lineItemSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** Stock for every item of an order was set aside (all or nothing). */
export const inventoryReservedV1 = defineEvent({
  type: 'inventory.reserved',
  version: 1,
  topic: TOPICS.reservations.name,
  schema: z.object({
    orderId: z.uuid(),
    items: z.array(lineItemSchema).min(1),
    reservedAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type InventoryReservedV1 = z.infer<typeof inventoryReservedV1.schema>;

export const inventoryReservedV1Fixture: InventoryReservedV1 = {
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  items: [
    { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 2 },
    { productId: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b', quantity: 1 },
  ],
  reservedAt: '2026-11-26T10:00:01.000Z',
};
