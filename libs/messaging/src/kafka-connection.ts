import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

export interface KafkaConnectionOptions {
  /** Identifies this service to the broker (shows up in broker logs and the Kafka UI). */
  readonly clientId: string;
  readonly brokers: readonly string[];
}

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

export function createKafkaClient(
  options: KafkaConnectionOptions,
  overrides: Partial<KafkaConfig> = {},
): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    ...overrides,
  });
}
