import { EVENT_HEADERS } from '@kafka-commerce/events';
import { Partitioners } from 'kafkajs';
import { type BenchContext } from '../context';
import { FinishLine } from '../finish-line';
import { drive, LatencyProbe } from '../latency';
import { benchKafka, messageOf, registrationEvent } from './seed-path';

/**
 * Raw kafkajs publish → handled: an idempotent producer (acks=all, like the relay's) sends
 * one event at a time to a fresh topic, a consumer with the runtime's fetch settings hands
 * each message to a no-op. Returns the latencies in ms, sorted.
 */
export async function rawRoundTrips(
  bench: BenchContext,
  topic: string,
  count: number,
  ratePerSecond?: number,
): Promise<number[]> {
  const kafka = benchKafka(bench, 'bench-round-trips');
  const probe = new LatencyProbe();
  const line = new FinishLine('raw round trips', count);
  const consumer = kafka.consumer({ groupId: `bench-round-trips.${topic}` });
  line.watch(consumer);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        probe.stop(String(message.headers?.[EVENT_HEADERS.eventId]));
        await Promise.resolve();
      },
    });
    await line.awaitJoin(bench.sizes.timeoutMs);
    await drive(count, ratePerSecond, async (index) => {
      const event = registrationEvent(topic);
      probe.start(event.envelope.eventId);
      await producer.send({ topic, acks: -1, messages: [messageOf(event)] });
      // One at a time: the next leaves when this one was handled.
      if (ratePerSecond === undefined) await probe.awaitSamples(index + 1, 30_000);
    });
    await probe.awaitSamples(count, bench.sizes.timeoutMs);
    return probe.sorted();
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}
