import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf } from '@kafka-commerce/events';
import { Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { type DeadLetter } from './dead-letter';
import { KAFKA_CLIENT } from './kafka-connection';

/**
 * Answers after which an idempotent producer's sequence numbers no longer match the broker's:
 * kafkajs repeats the same error for every later send (kafkajs#598).
 */
const PRODUCER_STATE_LOST = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
]);

/**
 * The service's one Kafka producer: idempotent, so a retried send never duplicates a
 * message, and acks from all in-sync replicas. Events reach it only through the outbox
 * relay; dead letters go straight out.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private producer: Producer;
  /** A replacement producer that could not connect yet: the next send connects it first. */
  private unconnected = false;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {
    this.producer = this.createProducer();
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /**
   * Sends with acks from all in-sync replicas. When the broker no longer recognises the
   * producer's sequence numbers (seen after a partition leader was killed on a three-node
   * cluster: every later send of order-service failed), the producer is replaced by a new one
   * with a new producer id, and the error rethrown: the caller's retry (the relay's next
   * round, with its rows still in the outbox) goes through it. What the broker had kept of
   * the failed send may then be published twice; consumers' inboxes drop the copy.
   */
  async send(topicMessages: TopicMessages[]): Promise<void> {
    const producer = this.producer;
    try {
      if (this.unconnected) {
        await producer.connect();
        this.unconnected = false;
      }
      await producer.sendBatch({ acks: -1, topicMessages });
    } catch (error) {
      if (lostProducerState(error)) await this.renew(producer, error);
      throw error;
    }
  }

  /** Replaces `stale` (once, however many sends failed with it). */
  private async renew(stale: Producer, error: unknown): Promise<void> {
    if (stale !== this.producer) return;
    this.logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'the broker lost track of this producer; starting a new one',
    );
    this.producer = this.createProducer();
    this.unconnected = true;
    await stale.disconnect().catch(() => undefined);
  }

  private createProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's partitioner: any producer in any language puts a key on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
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

/** The broker's answer, thrown as it is or, once kafkajs' retries ran out, as their cause. */
function lostProducerState(error: unknown): boolean {
  const { type, cause } = (error ?? {}) as { type?: string; cause?: { type?: string } };
  return PRODUCER_STATE_LOST.has(type ?? cause?.type ?? '');
}
