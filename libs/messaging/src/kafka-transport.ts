import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { type KafkaConnectionOptions } from './kafka-connection';

export interface KafkaTransportOptions extends KafkaConnectionOptions {
  /** The consumer group: instances of one service share the partitions of its topics. */
  readonly groupId: string;
}

/**
 * Options for Nest's Kafka server in a hybrid app. Bodies are kept binary so that the
 * consumer, not the transport, decides what a malformed message is (and dead-letters it).
 */
export function kafkaTransport(options: KafkaTransportOptions): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: {
        clientId: options.clientId,
        brokers: [...options.brokers],
      },
      consumer: { groupId: options.groupId, allowAutoTopicCreation: false },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      parser: { keepBinary: true },
      run: { autoCommit: true },
    },
  };
}
