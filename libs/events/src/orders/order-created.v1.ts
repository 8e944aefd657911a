import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneySchema } from '@kafka-commerce/money';
import { pricedLineItemSchema, textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** An order was placed (status PENDING); starts the saga. Prices come from the catalog. */
export const orderCreatedV1 = defineEvent({
  type: 'order.created',
  version: 1,
  topic: TOPICS.orders.name,
  schema: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    items: z.array(pricedLineItemSchema).min(1),
    totalAmount: moneySchema,
    shippingAddress: z.object({
      street: textSchema,
      city: textSchema,
      postalCode: textSchema,
      country: textSchema,
    }),
    paymentMethod: textSchema,
    createdAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type OrderCreatedV1 = z.infer<typeof orderCreatedV1.schema>;

export const orderCreatedV1Fixture: OrderCreatedV1 = {
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  userId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11',
  items: [
    { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 2, unitPrice: '19.99' },
    { productId: 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b', quantity: 1, unitPrice: '5.00' },
  ],
  totalAmount: '44.98',
  shippingAddress: {
    street: '12 Analytical Row',
    city: 'London',
    postalCode: 'N1 9GU',
    country: 'GB',
  },
  paymentMethod: 'card',
  createdAt: '2026-11-26T10:00:00.000Z',
};
