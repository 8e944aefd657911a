import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';

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
    logCreator: toServiceLogger,
    ...overrides,
  });
}

/** kafkajs logs through the service's logger, so its lines are structured like ours. */
const toServiceLogger: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log: { message, ...fields } }) => {
    const entry = { namespace, ...fields };
    switch (level) {
      case logLevel.ERROR:
      case logLevel.NOTHING:
        logger.error(entry, message);
        return;
      case logLevel.WARN:
        logger.warn(entry, message);
        return;
      case logLevel.INFO:
        logger.log(entry, message);
        return;
      case logLevel.DEBUG:
        logger.debug(entry, message);
        return;
    }
  };
};
