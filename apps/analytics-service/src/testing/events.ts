import { randomUUID } from 'node:crypto';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  orderCreatedV1Fixture,
  paymentProcessedV1,
  paymentRefundedV1,
  userRegisteredV1,
  userRegisteredV1Fixture,
} from '@kafka-commerce/events';
import { eventOf } from '@kafka-commerce/testing';

// Test data for analytics-service's specs, built through the real event definitions.

const origin = { producer: 'test', correlationId: 'test-correlation' };

export interface Line {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

export const PRODUCT_A = '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c';
export const PRODUCT_B = 'c3b2a190-8f7e-4d6c-a5b4-3c2d1e0f9a8b';
export const PRODUCT_C = 'a1b2c3d4-0000-4000-8000-000000000003';

export function userRegistered(userId: string = randomUUID()): EventOf<typeof userRegisteredV1> {
  return eventOf(userRegisteredV1, { ...userRegisteredV1Fixture, userId }, origin);
}

export function orderCreated(
  orderId: string,
  items: readonly Line[],
  totalAmount: string,
): EventOf<typeof orderCreatedV1> {
  return eventOf(
    orderCreatedV1,
    { ...orderCreatedV1Fixture, orderId, items: [...items], totalAmount },
    origin,
  );
}

export function orderConfirmed(
  orderId: string,
  items: readonly Line[],
  totalAmount: string,
): EventOf<typeof orderConfirmedV1> {
  return eventOf(
    orderConfirmedV1,
    {
      orderId,
      userId: userRegisteredV1Fixture.userId,
      items: [...items],
      totalAmount,
      confirmedAt: '2026-11-26T10:00:03.000Z',
    },
    origin,
  );
}

export function orderCancelled(
  orderId: string,
  items: readonly Line[],
): EventOf<typeof orderCancelledV1> {
  return eventOf(
    orderCancelledV1,
    {
      orderId,
      userId: userRegisteredV1Fixture.userId,
      reason: 'customer_request',
      items: items.map(({ productId, quantity }) => ({ productId, quantity })),
      cancelledAt: '2026-11-26T10:00:04.000Z',
    },
    origin,
  );
}

export function paymentProcessed(
  orderId: string,
  status: 'SUCCEEDED' | 'FAILED',
  amount = '10.00',
): EventOf<typeof paymentProcessedV1> {
  return eventOf(
    paymentProcessedV1,
    {
      paymentId: randomUUID(),
      orderId,
      amount,
      paymentMethod: status === 'SUCCEEDED' ? 'card' : 'card_declined',
      status,
      ...(status === 'FAILED' ? { reason: 'card_declined' } : {}),
      processedAt: '2026-11-26T10:00:02.000Z',
    },
    origin,
  );
}

export function paymentRefunded(
  orderId: string,
  paymentId: string,
): EventOf<typeof paymentRefundedV1> {
  return eventOf(
    paymentRefundedV1,
    { paymentId, orderId, amount: '10.00', refundedAt: '2026-11-26T10:06:00.000Z' },
    origin,
  );
}
