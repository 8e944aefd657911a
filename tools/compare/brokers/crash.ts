import { Collector } from './collector';
import { orderCreated } from './events';
import { type BrokerMode, type Consumer, type Publisher } from './types';
import { closeAll, type ComparisonSizes, withChannel } from './workload';

/** Messages the first consumer takes in beyond the ones it acks, before it "crashes". */
const UNACKED_TARGET = 20;
/** Publishing concurrency for the backlog (order does not matter here). */
const SENDERS = 10;

export interface CrashResult {
  readonly events: number;
  /** Distinct events the first consumer received before it closed. */
  readonly receivedBeforeCrash: number;
  readonly ackedBeforeCrash: number;
  /** Received by the first consumer and never acked. */
  readonly unackedAtCrash: number;
  /** Of those, how many the restarted consumer received. */
  readonly redelivered: number;
  /** Events the restarted consumer received although the first one had acked them. */
  readonly duplicates: number;
  /** Neither acked by the first consumer nor received by the restarted one. */
  readonly lost: number;
}

/**
 * `events` published to a consumer that acks the first half, takes more without acking,
 * and closes (Kafka: no commit for those); a consumer with the same identity starts again.
 * The consumer attaches before publishing: MQTT keeps nothing for a subscription that does
 * not exist yet.
 */
export async function measureCrash(mode: BrokerMode, sizes: ComparisonSizes): Promise<CrashResult> {
  const events = Array.from({ length: sizes.crash.events }, () => orderCreated());
  const ackLimit = Math.floor(events.length / 2);
  return withChannel(mode, 'crash', 1, async (channel) => {
    const closables: (Consumer | Publisher)[] = [];
    try {
      const first = new Collector();
      const acked = new Set<string>();
      const crashing = await channel.consume('c1', (message) => {
        const { eventId } = first.record('c1', message.body);
        if (acked.size < ackLimit) {
          acked.add(eventId);
          message.ack();
        }
      });
      closables.push(crashing);
      await channel.ready(1, sizes.timeoutMs);
      const publisher = await channel.publisher();
      closables.push(publisher);
      const queue = [...events];
      await Promise.all(
        Array.from({ length: SENDERS }, async () => {
          for (let event = queue.shift(); event; event = queue.shift()) {
            await publisher.publish(event.key, event.body);
          }
        }),
      );
      await first.settle(
        () => first.uniqueCount >= ackLimit + UNACKED_TARGET,
        sizes.idleMs,
        sizes.timeoutMs,
      );
      await crashing.close();
      const unacked = first.deliveries.map((d) => d.eventId).filter((id) => !acked.has(id));
      const second = new Collector();
      closables.push(
        await channel.consume('c1', (message) => {
          second.record('c1', message.body);
          message.ack();
        }),
      );
      const remaining = events.filter((event) => !acked.has(event.eventId));
      // Idle window longer than any redelivery timer (NATS ack_wait) we configured.
      await second.settle(
        () => remaining.every((event) => second.has(event.eventId)),
        Math.max(sizes.idleMs, 6_000),
        sizes.timeoutMs,
      );
      const unackedSet = new Set(unacked);
      return {
        events: events.length,
        receivedBeforeCrash: first.uniqueCount,
        ackedBeforeCrash: acked.size,
        unackedAtCrash: unackedSet.size,
        redelivered: [...unackedSet].filter((id) => second.has(id)).length,
        duplicates: second.deliveries.filter((d) => acked.has(d.eventId)).length,
        lost: remaining.filter((event) => !second.has(event.eventId)).length,
      };
    } finally {
      await closeAll(closables);
    }
  });
}
