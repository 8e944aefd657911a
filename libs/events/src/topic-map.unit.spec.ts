import { createEvent, type OutgoingEvent } from './create-event';
import { defineEvent } from './define-event';
import { orderCancelledV1Fixture } from './orders/order-cancelled.v1';
import { orderCreatedV1, orderCreatedV1Fixture } from './orders/order-created.v1';
import { type EventsOnTopic, type EventTypeOnTopic, type OutgoingEventOn } from './topic-map';
import { userRegisteredV1, userRegisteredV1Fixture } from './users/user-registered.v1';

// The `@ts-expect-error` lines are the real assertions: `tsc` (the typecheck target) fails
// if any of them starts compiling, i.e. if the topic map stops protecting a topic.

const origin = { producer: 'order-service', correlationId: 'req-1' };

/** A producer port typed by the topic map: only order events fit. */
function queueOrderEvent(event: OutgoingEventOn<'orders'>): OutgoingEvent {
  return event;
}

/** An exhaustive consumer of the orders topic: adding an order event breaks this switch. */
function describeOrderEvent(event: EventsOnTopic<'orders'>): string {
  switch (event.type) {
    case 'order.created':
      return `created ${event.payload.totalAmount}`;
    case 'order.confirmed':
      return `confirmed ${event.payload.totalAmount}`;
    case 'order.cancelled':
      return `cancelled: ${event.payload.reason}`;
  }
}

describe('topic map', () => {
  it('takes topic and key from the definition', () => {
    const outgoing = createEvent(orderCreatedV1, orderCreatedV1Fixture, origin);
    const topic: 'orders' = outgoing.topic;
    expect(topic).toBe('orders');
    expect(outgoing.key).toBe(orderCreatedV1Fixture.orderId);
    expect(queueOrderEvent(outgoing)).toBe(outgoing);
    expect(describeOrderEvent(outgoing.envelope)).toBe('created 44.98');
  });

  it('refuses an event bound for another topic (compile time)', () => {
    const userEvent = createEvent(userRegisteredV1, userRegisteredV1Fixture, origin);
    // @ts-expect-error -- user.registered travels on `users`, never on `orders`.
    const misrouted: OutgoingEventOn<'orders'> = userEvent;
    expect(misrouted.topic).toBe('users');
  });

  it('refuses a payload of another event (compile time, and at run time)', () => {
    // @ts-expect-error -- an order.cancelled payload is not an order.created payload.
    expect(() => createEvent(orderCreatedV1, orderCancelledV1Fixture, origin)).toThrow();
  });

  it('refuses a definition on an undeclared topic (compile time)', () => {
    const define = (): unknown =>
      defineEvent({
        type: 'order.created',
        version: 2,
        // @ts-expect-error -- `order` is not a declared topic (it is `orders`).
        topic: 'order',
        schema: orderCreatedV1.schema,
        key: (payload) => payload.orderId,
      });
    expect(define).not.toThrow();
  });

  it('lists the event types of a topic', () => {
    const types: EventTypeOnTopic<'payments'>[] = ['payment.processed', 'payment.refunded'];
    // @ts-expect-error -- order.created is not on the payments topic.
    const wrong: EventTypeOnTopic<'payments'> = 'order.created';
    expect([...types, wrong]).toHaveLength(3);
  });
});
