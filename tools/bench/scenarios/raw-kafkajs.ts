import { createKafkaClient } from '@kafka-commerce/messaging';
import { FinishLine, type Measurement } from '../finish-line';
import {
  KAFKA_CLIENT_OVERRIDES,
  PARTITIONS_CONCURRENCY,
  type Scenario,
  type ScenarioContext,
} from './scenario';

/**
 * The baseline: kafkajs alone, with the runtime's client and fetch settings. Each batch's
 * messages are counted (not parsed) and its offsets resolved and committed as the runtime does.
 */
export const rawKafkajs: Scenario = {
  id: 'baseline',
  label: 'raw kafkajs eachBatch (baseline)',
  async run(context: ScenarioContext, round: number): Promise<Measurement> {
    const line = new FinishLine(`baseline round ${round}`, context.events);
    const kafka = createKafkaClient(
      { clientId: `bench-baseline-${round}`, brokers: context.brokers },
      KAFKA_CLIENT_OVERRIDES,
    );
    const consumer = kafka.consumer({
      groupId: `bench-baseline-${round}.${context.topic}`,
      allowAutoTopicCreation: false,
    });
    line.watch(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: context.topic, fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: PARTITIONS_CONCURRENCY,
        eachBatch: async (payload) => {
          const { batch } = payload;
          if (batch.isEmpty()) return;
          line.add(batch.messages.length);
          if (payload.isStale()) return;
          payload.resolveOffset(batch.lastOffset());
          await payload.commitOffsetsIfNecessary();
        },
      });
      return await line.wait(context.timeoutMs);
    } finally {
      await consumer.disconnect();
    }
  },
};
