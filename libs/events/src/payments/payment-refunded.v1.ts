import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneySchema } from '@kafka-commerce/money';
import { timestampSchema } from '../payload-fields';
import { TOPICS } from '../topics';

/** A captured charge was paid back because its order was cancelled. */
export const paymentRefundedV1 = defineEvent({
  type: 'payment.refunded',
  version: 1,
  topic: TOPICS.payments.name,
  schema: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    amount: moneySchema,
    refundedAt: timestampSchema,
  }),
  key: (payload) => payload.orderId,
});

export type PaymentRefundedV1 = z.infer<typeof paymentRefundedV1.schema>;

export const paymentRefundedV1Fixture: PaymentRefundedV1 = {
  paymentId: 'e4f5a6b7-c8d9-4e0f-b1a2-b3c4d5e6f7a8',
  orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
  amount: '44.98',
  refundedAt: '2026-11-26T10:06:00.000Z',
};
