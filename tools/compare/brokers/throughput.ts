import { Collector } from './collector';
import { type EncodedEvent, orderCreated } from './events';
import { type DeliveryTally, tallyDeliveries } from './tally';
import { type BrokerMode, type Consumer, type Publisher } from './types';
import { closeAll, type ComparisonSizes, withChannel } from './workload';

export interface ThroughputResult {
  readonly tally: DeliveryTally;
  /** First publish to last publish confirmed. */
  readonly publishSeconds: number;
  /** First publish to last event received. */
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * The seed's test through one broker mode: `publishers` concurrent publishers, each sending
 * its events one at a time (each awaited, confirmed where the mode confirms), one consumer.
 */
export async function measureThroughput(
  mode: BrokerMode,
  sizes: ComparisonSizes,
): Promise<ThroughputResult> {
  const { publishers: count, eventsPerPublisher } = sizes.throughput;
  // Built (and validated) before the clock starts: the broker is measured, not zod.
  const batches = Array.from({ length: count }, () =>
    Array.from({ length: eventsPerPublisher }, () => orderCreated()),
  );
  return withChannel(mode, 'throughput', 1, async (channel) => {
    const collector = new Collector();
    const closables: (Consumer | Publisher)[] = [];
    try {
      closables.push(
        await channel.consume('c1', (message) => {
          collector.record('c1', message.body);
          message.ack();
        }),
      );
      await channel.ready(1, sizes.timeoutMs);
      const publishers = await Promise.all(batches.map(() => channel.publisher()));
      closables.push(...publishers);
      const started = performance.now();
      await Promise.all(publishers.map((publisher, i) => sendAll(publisher, batches[i] ?? [])));
      const published = performance.now();
      const total = count * eventsPerPublisher;
      await collector.settle(() => collector.uniqueCount >= total, sizes.idleMs, sizes.timeoutMs);
      const lastAt = collector.deliveries.at(-1)?.at ?? published;
      const seconds = (lastAt - started) / 1000;
      const tally = tallyDeliveries(
        batches.flat().map((event) => event.eventId),
        collector.deliveries.map((delivery) => delivery.eventId),
      );
      return {
        tally,
        publishSeconds: (published - started) / 1000,
        seconds,
        eventsPerSecond: tally.unique / seconds,
      };
    } finally {
      await closeAll(closables);
    }
  });
}

async function sendAll(publisher: Publisher, events: readonly EncodedEvent[]): Promise<void> {
  for (const event of events) await publisher.publish(event.key, event.body);
}
