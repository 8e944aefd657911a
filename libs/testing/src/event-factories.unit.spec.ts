import { defineEvent, orderCreatedV1, orderCreatedV1Fixture, TOPICS } from '@kafka-commerce/events';
import { z } from 'zod';
import { eventFactory, eventOf } from './event-factories';

const origin = { producer: 'order-service', correlationId: 'test-correlation' };

describe('eventOf', () => {
  it('builds the envelope createEvent would, the payload validated', () => {
    const event = eventOf(orderCreatedV1, orderCreatedV1Fixture, origin);
    expect(event).toMatchObject({
      type: 'order.created',
      version: 1,
      producer: 'order-service',
      correlationId: 'test-correlation',
      causationId: null,
      payload: orderCreatedV1Fixture,
    });
    expect(() =>
      eventOf(orderCreatedV1, { ...orderCreatedV1Fixture, orderId: 'x' }, origin),
    ).toThrow();
  });
});

describe('eventFactory', () => {
  const orderCreated = eventFactory(orderCreatedV1, origin);

  it("starts from the contract's fixture and overrides the fields named, a fresh id each", () => {
    const plain = orderCreated();
    const paid = orderCreated({ paymentMethod: 'paypal' });
    expect(plain.payload).toEqual(orderCreatedV1Fixture);
    expect(paid.payload).toEqual({ ...orderCreatedV1Fixture, paymentMethod: 'paypal' });
    expect(paid.eventId).not.toBe(plain.eventId);
  });

  it('refuses a definition the catalog holds no fixture for', () => {
    const unknown = defineEvent({
      type: 'order.archived',
      version: 1,
      topic: TOPICS.orders.name,
      schema: z.object({ orderId: z.string() }),
      key: (payload) => payload.orderId,
    });
    expect(() => eventFactory(unknown, origin)).toThrow('order.archived v1 has no fixture');
  });
});
