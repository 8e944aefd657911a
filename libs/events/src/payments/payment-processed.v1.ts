import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneySchema } from '@kafka-commerce/money';
import { textSchema, timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A charge was attempted for a reserved order; `reason` explains a FAILED one. */
export const paymentProcessedV1 = defineEvent({
  type: 'payment.processed',
  version: 1,
  topic: TOPICS.payments.name,
  schema: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    amount: moneySchema,
    paymentMethod: textSchema,
    status: z.enum(['SUCCEEDED', 'FAILED']),
    reason: textSchema.optional(),
    processedAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type PaymentProcessedV1 = z.infer<typeof paymentProcessedV1.schema>;

export const paymentProcessedV1Fixture: PaymentProcessedV1 = {
  paymentId: 'e4f5a6b7-c8d9-4e0f-b1a2-b3c4d5e6f7a8',
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  amount: '44.98',
  paymentMethod: 'card_declined',
  status: 'FAILED',
  reason: 'card_declined',
  processedAt: '2026-11-26T10:00:02.000Z',
};
