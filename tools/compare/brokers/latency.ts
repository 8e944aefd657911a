import { drive, LatencyProbe, type LatencySummary, summarizeLatency } from '../../bench/latency';
import { Collector } from './collector';
import { orderCreated } from './events';
import { type BrokerMode, type Consumer, type Publisher } from './types';
import { closeAll, type ComparisonSizes, withChannel } from './workload';

export interface LatencyResult {
  readonly ratePerSecond: number;
  readonly summary: LatencySummary;
  readonly lost: number;
}

/**
 * Publish → receive of one event at a time at a low paced rate, both ends timed by the same
 * process's monotonic clock (no clock skew to correct).
 */
export async function measureLatency(
  mode: BrokerMode,
  sizes: ComparisonSizes,
): Promise<LatencyResult> {
  const { ratePerSecond, events: count } = sizes.latency;
  const events = Array.from({ length: count }, () => orderCreated());
  return withChannel(mode, 'latency', 1, async (channel) => {
    const probe = new LatencyProbe();
    const collector = new Collector();
    const closables: (Consumer | Publisher)[] = [];
    try {
      closables.push(
        await channel.consume('c1', (message) => {
          probe.stop(collector.record('c1', message.body).eventId);
          message.ack();
        }),
      );
      await channel.ready(1, sizes.timeoutMs);
      const publisher = await channel.publisher();
      closables.push(publisher);
      await drive(count, ratePerSecond, async (index) => {
        const event = events[index];
        if (!event) return;
        probe.start(event.eventId);
        await publisher.publish(event.key, event.body);
      });
      await collector.settle(() => collector.uniqueCount >= count, sizes.idleMs, sizes.timeoutMs);
      const summary = summarizeLatency(probe.sorted());
      return { ratePerSecond, summary, lost: count - collector.uniqueCount };
    } finally {
      await closeAll(closables);
    }
  });
}
