import { idempotentBatch } from './idempotent';
import { runtimeNoopBatch, runtimeNoopSingle } from './noop';
import { rawKafkajs } from './raw-kafkajs';
import { type Scenario } from './scenario';

/** In the order they run in each round; the first is the baseline the others are compared to. */
export const SCENARIOS: readonly Scenario[] = [
  rawKafkajs,
  runtimeNoopBatch,
  runtimeNoopSingle,
  idempotentBatch,
];
