import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Order, type StatusChange } from '../domain/order';
import { type ClaimedChange, type UpdateOutcome } from './ports/order-repository';

/** What a batch of changes did, to be stored at once. */
export interface OrderBatchChanges {
  /** One per change, in order. */
  readonly outcomes: UpdateOutcome[];
  /** Every order changed, with the history entries it gained. */
  readonly changed: readonly { readonly order: Order; readonly added: readonly StatusChange[] }[];
  readonly events: readonly OutgoingEvent[];
}

/**
 * Lets each new change decide, in batch order, on the order as the changes before it left
 * it — as if each had had its own transaction. `stored` holds the orders as read (locked).
 */
export function decideOrderChanges(
  changes: readonly ClaimedChange[],
  isNew: (eventId: string) => boolean,
  stored: ReadonlyMap<string, Order>,
): OrderBatchChanges {
  const current = new Map(stored);
  const events: OutgoingEvent[] = [];
  const outcomes = changes.map(({ eventId, orderId, change }): UpdateOutcome => {
    if (!isNew(eventId)) return { kind: 'duplicate' };
    const order = current.get(orderId);
    if (!order) return { kind: 'not_found' };
    const update = change(order);
    if (!update) return { kind: 'unchanged', order };
    current.set(orderId, update.order);
    events.push(...update.events);
    return { kind: 'changed', order: update.order };
  });
  const changed = [...current.values()]
    .filter((order) => order !== stored.get(order.id))
    .map((order) => ({
      order,
      added: order.history.slice(stored.get(order.id)?.history.length ?? 0),
    }));
  return { outcomes, changed, events };
}
