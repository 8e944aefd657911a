import { randomUUID } from 'node:crypto';
import { Collector } from './collector';
import { orderCreated } from './events';
import {
  checkOrdering,
  type DeliveryTally,
  type KeyedDelivery,
  type OrderingCheck,
  tallyDeliveries,
} from './tally';
import { type BrokerMode, type Consumer, type Publisher } from './types';
import { closeAll, type ComparisonSizes, withChannel } from './workload';

export interface OrderingResult {
  readonly keys: number;
  readonly eventsPerKey: number;
  readonly check: OrderingCheck;
  readonly tally: DeliveryTally;
  /** Deliveries each consumer handled: how the group shared the work. */
  readonly perConsumer: Readonly<Record<string, number>>;
}

interface Step {
  readonly key: string;
  readonly sequence: number;
}

/**
 * Two consumers share one group/queue; `keys` orders each get `eventsPerKey` events, sent
 * one at a time (each awaited) in a random interleaving of the keys that keeps each key's
 * sequence. Random, because a lockstep round over the keys would meet a round-robin
 * dispatcher in lockstep too and send every key to the same consumer by accident. An
 * order pipeline needs each order's events handled in sequence by one consumer at a time.
 */
export async function measureOrdering(
  mode: BrokerMode,
  sizes: ComparisonSizes,
): Promise<OrderingResult> {
  const { keys, eventsPerKey } = sizes.ordering;
  const steps = new Map<string, Step>();
  const perKey = Array.from({ length: keys }, () => {
    const orderId = randomUUID();
    return Array.from({ length: eventsPerKey }, (_, sequence) => {
      const event = orderCreated(orderId);
      steps.set(event.eventId, { key: event.key, sequence });
      return event;
    });
  });
  return withChannel(mode, 'ordering', 2, async (channel) => {
    const collector = new Collector();
    const closables: (Consumer | Publisher)[] = [];
    try {
      for (const consumerId of ['c1', 'c2']) {
        const consumer = await channel.consume(consumerId, (message) => {
          collector.record(consumerId, message.body);
          message.ack();
        });
        closables.push(consumer);
      }
      await channel.ready(2, sizes.timeoutMs);
      const publisher = await channel.publisher();
      closables.push(publisher);
      for (const event of interleave(perKey)) await publisher.publish(event.key, event.body);
      const total = keys * eventsPerKey;
      await collector.settle(() => collector.uniqueCount >= total, sizes.idleMs, sizes.timeoutMs);
      return {
        keys,
        eventsPerKey,
        check: checkOrdering(firstDeliveries(collector, steps)),
        perConsumer: countBy(collector.deliveries.map((delivery) => delivery.consumer)),
        tally: tallyDeliveries(
          [...steps.keys()],
          collector.deliveries.map((delivery) => delivery.eventId),
        ),
      };
    } finally {
      await closeAll(closables);
    }
  });
}

/** A random merge of the lists that keeps the order within each list. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const cursors = lists.map((list) => ({ list, next: 0 }));
  const merged: T[] = [];
  for (let open = cursors.filter((c) => c.list.length > 0); open.length > 0;) {
    const cursor = open[Math.floor(Math.random() * open.length)];
    if (!cursor) break;
    const item = cursor.list[cursor.next++];
    if (item !== undefined) merged.push(item);
    if (cursor.next >= cursor.list.length) open = open.filter((c) => c !== cursor);
  }
  return merged;
}

/** Redeliveries are counted as duplicates elsewhere; order is judged on first arrivals. */
function firstDeliveries(collector: Collector, steps: Map<string, Step>): KeyedDelivery[] {
  const seen = new Set<string>();
  const keyed: KeyedDelivery[] = [];
  for (const { eventId, consumer } of collector.deliveries) {
    const step = steps.get(eventId);
    if (!step || seen.has(eventId)) continue;
    seen.add(eventId);
    keyed.push({ consumer, ...step });
  }
  return keyed;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
