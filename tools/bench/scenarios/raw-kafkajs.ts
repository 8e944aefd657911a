import { parseEvent, userRegisteredV1 } from '@kafka-commerce/events';
import { createKafkaClient } from '@kafka-commerce/messaging';
import { type KafkaMessage } from 'kafkajs';
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
export const rawKafkajs: Scenario = rawScenario(
  'baseline',
  'raw kafkajs eachBatch (baseline)',
  () => true,
);

/**
 * The baseline plus what any consumer that trusts nothing must do per message: decode the
 * JSON and validate it against the event's schema (`parseEvent`, as the runtime does). The
 * gap between this row and the runtime's no-op row is the transport's own cost.
 */
export const rawKafkajsParsed: Scenario = rawScenario(
  'baseline-parsed',
  'raw kafkajs eachBatch + parseEvent (decode floor)',
  (message) => parseEvent(message.value, ACCEPTED).ok,
);

const ACCEPTED = [userRegisteredV1] as const;

function rawScenario(
  id: string,
  label: string,
  accept: (message: KafkaMessage) => boolean,
): Scenario {
  return {
    id,
    label,
    async run(context: ScenarioContext, round: number): Promise<Measurement> {
      const line = new FinishLine(`${id} round ${round}`, context.events);
      const kafka = createKafkaClient(
        { clientId: `bench-${id}-${round}`, brokers: context.brokers },
        KAFKA_CLIENT_OVERRIDES,
      );
      const consumer = kafka.consumer({
        groupId: `bench-${id}-${round}.${context.topic}`,
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
            for (const message of batch.messages) {
              if (!accept(message)) throw new Error(`${label}: offset ${message.offset} rejected`);
            }
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
}
