/**
 * Pure counting over what the consumers saw, by event id (never by message count: a
 * redelivery and a loss would cancel out).
 */

export interface DeliveryTally {
  readonly published: number;
  /** Deliveries, redeliveries included. */
  readonly received: number;
  /** Distinct published events received at least once. */
  readonly unique: number;
  readonly duplicates: number;
  readonly lost: number;
}

export function tallyDeliveries(
  publishedIds: readonly string[],
  receivedIds: readonly string[],
): DeliveryTally {
  const published = new Set(publishedIds);
  const seen = new Set<string>();
  for (const id of receivedIds) if (published.has(id)) seen.add(id);
  return {
    published: published.size,
    received: receivedIds.length,
    unique: seen.size,
    duplicates: receivedIds.length - new Set(receivedIds).size,
    lost: published.size - seen.size,
  };
}

/** One first delivery in the ordering workload: which consumer handled which step of a key. */
export interface KeyedDelivery {
  readonly consumer: string;
  readonly key: string;
  readonly sequence: number;
}

export interface OrderingCheck {
  readonly keys: number;
  /** Keys whose sequence went backwards at the consumer that handled them. */
  readonly outOfOrderAtConsumer: number;
  /** Keys handled by more than one consumer (their steps may then run concurrently). */
  readonly splitAcrossConsumers: number;
  /** Keys with either problem: the ones a per-key state machine could see out of order. */
  readonly keysOutOfOrder: number;
}

/**
 * Deliveries in arrival order (duplicates removed by the caller). A key is in order when one
 * consumer handled all of it with its sequence increasing.
 */
export function checkOrdering(deliveries: readonly KeyedDelivery[]): OrderingCheck {
  const lastSequence = new Map<string, number>();
  const consumersOfKey = new Map<string, Set<string>>();
  const backwards = new Set<string>();
  for (const { consumer, key, sequence } of deliveries) {
    const slot = `${consumer}\u0000${key}`;
    const last = lastSequence.get(slot);
    if (last !== undefined && sequence < last) backwards.add(key);
    lastSequence.set(slot, sequence);
    const consumers = consumersOfKey.get(key) ?? new Set<string>();
    consumers.add(consumer);
    consumersOfKey.set(key, consumers);
  }
  const split = [...consumersOfKey].filter(([, consumers]) => consumers.size > 1).map(([k]) => k);
  return {
    keys: consumersOfKey.size,
    outOfOrderAtConsumer: backwards.size,
    splitAcrossConsumers: split.length,
    keysOutOfOrder: new Set([...backwards, ...split]).size,
  };
}

/** "yes" or "no (N keys out of order)", as the report prints it. */
export function orderingVerdict(check: OrderingCheck): string {
  return check.keysOutOfOrder === 0 ? 'yes' : `no (${check.keysOutOfOrder} keys out of order)`;
}
