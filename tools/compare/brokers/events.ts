import { randomUUID } from 'node:crypto';
import { createEvent, orderCreatedV1, orderCreatedV1Fixture } from '@kafka-commerce/events';

/** An order.created event as the order service publishes it: key and JSON-encoded envelope. */
export interface EncodedEvent {
  readonly eventId: string;
  readonly key: string;
  readonly body: string;
}

/**
 * A real, validated order.created envelope (the catalog's fixture with a fresh order id,
 * unless one is given: the ordering workload sends several events per order).
 */
export function orderCreated(orderId: string = randomUUID()): EncodedEvent {
  const event = createEvent(
    orderCreatedV1,
    { ...orderCreatedV1Fixture, orderId, createdAt: new Date().toISOString() },
    { producer: 'kc-compare', correlationId: randomUUID() },
  );
  return { eventId: event.envelope.eventId, key: event.key, body: JSON.stringify(event.envelope) };
}

/** The consumer's side: parse the envelope as a real handler would, and take its id. */
export function eventIdOf(body: string): string {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed === 'object' && parsed !== null && 'eventId' in parsed) {
    const { eventId } = parsed;
    if (typeof eventId === 'string') return eventId;
  }
  throw new Error('received a message that is not an event envelope');
}
