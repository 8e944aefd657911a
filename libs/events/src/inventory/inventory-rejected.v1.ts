import { z } from 'zod';
import { defineEvent } from '../define-event';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** An order could not be reserved; nothing was set aside. `productIds` are the culprits. */
export const inventoryRejectedV1 = defineEvent({
  type: 'inventory.rejected',
  version: 1,
  topic: TOPICS.reservations.name,
  schema: z.object({
    orderId: z.uuid(),
    reason: z.enum(['out_of_stock', 'unknown_product']),
    productIds: z.array(z.uuid()).min(1),
    rejectedAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type InventoryRejectedV1 = z.infer<typeof inventoryRejectedV1.schema>;

export const inventoryRejectedV1Fixture: InventoryRejectedV1 = {
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  reason: 'out_of_stock',
  productIds: ['c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b'],
  rejectedAt: '2026-11-26T10:00:01.000Z',
};
