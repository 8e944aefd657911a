import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf } from '@kafka-commerce/events';
import { Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { type DeadLetter } from './dead-letter';
import { KAFKA_CLIENT } from './kafka-connection';

/**
 * The service's one Kafka producer: idempotent, so a retried send never duplicates a
 * message, and acks from all in-sync replicas. Events reach it only through the outbox
 * relay; dead letters go straight out.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly producer: Producer;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's partitioner: any producer in any language puts a key on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async send(topicMessages: TopicMessages[]): Promise<void> {
    await this.producer.sendBatch({ acks: -1, topicMessages });
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    const topic = deadLetterTopicOf(letter.sourceTopic);
    await this.send([
      {
        topic,
        messages: [
          {
            key: letter.key,
            value: letter.value,
            headers: {
              ...letter.headers,
              [DEAD_LETTER_HEADERS.reason]: letter.reason,
              [DEAD_LETTER_HEADERS.error]: letter.error.slice(0, 4000),
              [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
              [DEAD_LETTER_HEADERS.consumer]: letter.consumer,
              [DEAD_LETTER_HEADERS.sourceTopic]: letter.sourceTopic,
              [DEAD_LETTER_HEADERS.sourcePartition]: String(letter.sourcePartition),
              [DEAD_LETTER_HEADERS.sourceOffset]: letter.sourceOffset,
              [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
            },
          },
        ],
      },
    ]);
    this.logger.warn(
      {
        topic,
        reason: letter.reason,
        partition: letter.sourcePartition,
        offset: letter.sourceOffset,
      },
      'message dead-lettered',
    );
  }
}
