import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  DEAD_LETTER_HEADERS,
  deadLetterTopicOf,
  EVENT_HEADERS,
  type OutgoingEvent,
} from '@kafka-commerce/events';
import { Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import { type DeadLetter } from './dead-letter';
import { KAFKA_CLIENT } from './kafka-connection';

/**
 * Publishes events with the idempotent producer (acks from all in-sync replicas, no
 * duplicates on retry). Envelopes are serialized here, never by Nest's Kafka serializer,
 * which would mistake an object with a `key` or `value` field for a raw Kafka message.
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly producer: Producer;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    // The Java client's partitioner, so any producer in any language puts a key on the same partition.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const messages = byTopic.get(event.topic) ?? [];
      messages.push(toKafkaMessage(event));
      byTopic.set(event.topic, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    const topic = deadLetterTopicOf(letter.sourceTopic);
    await this.producer.send({
      topic,
      acks: -1,
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
    });
    this.logger.warn(
      {
        topic,
        reason: letter.reason,
        offset: letter.sourceOffset,
        partition: letter.sourcePartition,
      },
      'message dead-lettered',
    );
  }
}

function toKafkaMessage({ key, envelope }: OutgoingEvent): Message {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.type]: envelope.type,
    [EVENT_HEADERS.version]: String(envelope.version),
    [EVENT_HEADERS.producer]: envelope.producer,
    [EVENT_HEADERS.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId) headers[EVENT_HEADERS.causationId] = envelope.causationId;
  return { key, value: JSON.stringify(envelope), headers };
}
