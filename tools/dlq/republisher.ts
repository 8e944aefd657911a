import { type Admin, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import { type HandledDeadLetter } from './batch-selection';
import { formatPosition } from './dead-letter-message';
import { type RedriveItem } from './redrive-model';

/** Sends the selected dead letters of a batch back to their topics, in one send. */
export class Republisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly admin: Admin,
    private readonly knownTopics: Set<string>,
  ) {
    // Bounded retries (the idempotent default is endless) so a lost broker fails the run
    // instead of hanging it; a duplicate from a retry is harmless to consumers deduping by id.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 5 },
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async send(handled: readonly HandledDeadLetter[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { selected } of handled) {
      if (selected === undefined) continue;
      const { item, message } = selected;
      await this.assertTopicExists(item);
      const messages = byTopic.get(item.target) ?? [];
      messages.push(message);
      byTopic.set(item.target, messages);
    }
    if (byTopic.size === 0) return;
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Without auto-creation, a send to a missing topic would only retry until it gives up. */
  private async assertTopicExists(item: RedriveItem): Promise<void> {
    if (this.knownTopics.has(item.target)) return;
    for (const topic of await this.admin.listTopics()) this.knownTopics.add(topic);
    if (!this.knownTopics.has(item.target)) {
      throw new Error(
        `cannot republish ${formatPosition(item)}: its topic "${item.target}" does not exist`,
      );
    }
  }
}
