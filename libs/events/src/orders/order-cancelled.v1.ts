import { z } from 'zod';
import { defineEvent } from '../define-event';
import { lineItemSchema, textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** The order is CANCELLED; inventory releases and payment refunds whatever they hold. */
export const orderCancelledV1 = defineEvent({
  type: 'order.cancelled',
  version: 1,
  topic: TOPICS.orders.name,
  schema: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    reason: textSchema,
    items: z.array(lineItemSchema).min(1),
    cancelledAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type OrderCancelledV1 = z.infer<typeof orderCancelledV1.schema>;

export const orderCancelledV1Fixture: OrderCancelledV1 = {
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  reason: 'card_declined',
  items: [
    { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 2 },
    { productId: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b', quantity: 1 },
  ],
  cancelledAt: '2026-11-26T10:00:03.000Z',
};
