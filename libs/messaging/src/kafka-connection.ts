import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator, type RetryOptions } from 'kafkajs';

export interface KafkaConnectionOptions {
  /** Identifies this service to the broker (shows up in broker logs and the Kafka UI). */
  readonly clientId: string;
  readonly brokers: readonly string[];
}

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/**
 * Back-off of every kafkajs retry loop (connecting, metadata, sends, the consumers' own
 * loop): 0.3 s doubling to at most 2 s. kafkajs' defaults double up to 30 s, and a consumer
 * that gives up restarts after its last retry time (~10 s, observed after a 30 s outage);
 * with a 2 s ceiling no client sleeps much longer than 2 s once the broker is back, and a
 * down broker still gets at most one connection attempt per client every 2 s. Set in full
 * because kafkajs swaps in faster defaults under NODE_ENV=test: tests run these values.
 * `retries` stays kafkajs' default (5): set explicitly, the idempotent producer warns.
 */
export const KAFKA_RETRY: RetryOptions = {
  initialRetryTime: 300,
  maxRetryTime: 2000,
  multiplier: 2,
  factor: 0.2,
};

export function createKafkaClient(
  options: KafkaConnectionOptions,
  overrides: Partial<KafkaConfig> = {},
): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: toServiceLogger,
    retry: KAFKA_RETRY,
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
