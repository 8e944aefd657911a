import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type IHeaders, type KafkaMessage } from 'kafkajs';
import { waitFor } from '@kafka-commerce/testing';
import { kafkaBrokers } from './stack';

const kafka = (): Kafka =>
  new Kafka({ clientId: 'stack-e2e', brokers: kafkaBrokers(), logLevel: logLevel.ERROR });

/** Sends messages as any producer could, including ones no well-behaved producer would. */
export async function produce(
  topic: string,
  messages: { key: string; value: string; headers?: IHeaders }[],
): Promise<void> {
  const producer = kafka().producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    // Chunks keep each request well under the broker's maximum request size.
    for (let start = 0; start < messages.length; start += 1000) {
      await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 1000) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic from the start until a message matches, in a group of its own. */
export async function findMessage(
  topic: string,
  matches: (message: KafkaMessage) => boolean,
): Promise<KafkaMessage> {
  const consumer = kafka().consumer({ groupId: `stack-e2e-${randomUUID()}` });
  let found: KafkaMessage | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (!found && matches(message)) found = message;
        return Promise.resolve();
      },
    });
    return await waitFor(() => Promise.resolve(found), {
      description: `a matching message on ${topic}`,
    });
  } finally {
    await consumer.disconnect();
  }
}

export function header(message: KafkaMessage, name: string): string | undefined {
  return message.headers?.[name]?.toString();
}
