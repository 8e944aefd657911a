import { type EventDefinition } from '../define-event';
import { type ServiceName } from '../services';
import { type TopicSpec } from '../topics';
import { asyncApiMessageOf, KAFKA_BINDING_VERSION, messageIdOf } from './asyncapi-message';
import { type JsonObject } from './json';

/**
 * The AsyncAPI 3.0 document for every topic and event version: one channel per topic, one
 * message per event version, a `send` operation for the topic's producer and a `receive`
 * operation per consuming service. Pure, so the contract test can compare it with the
 * committed `asyncapi.json`.
 */
export function buildAsyncApiDocument(
  definitions: readonly EventDefinition[],
  topics: readonly TopicSpec[],
): JsonObject {
  const stray = definitions.find((d) => !topics.some((topic) => topic.name === d.topic));
  if (stray) throw new Error(`"${stray.type}" v${stray.version} is on an undeclared topic`);
  const channels: Record<string, JsonObject> = {};
  const operations: Record<string, JsonObject> = {};
  const messages: Record<string, JsonObject> = {};
  for (const topic of topics) {
    const onTopic = definitions.filter((definition) => definition.topic === topic.name);
    for (const definition of onTopic) {
      messages[messageIdOf(definition)] = asyncApiMessageOf(definition, topic);
    }
    const messageIds = onTopic.map(messageIdOf);
    channels[topic.name] = channelOf(topic, messageIds);
    operations[operationIdOf(topic.producer, 'send', topic.name)] = operationOf(
      'send',
      topic.producer,
      topic.name,
      messageIds,
    );
    for (const consumer of topic.consumers) {
      operations[operationIdOf(consumer, 'receive', topic.name)] = operationOf(
        'receive',
        consumer,
        topic.name,
        messageIds,
      );
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'kafka-commerce events',
      version: '1.0.0',
      description:
        'Every Kafka topic and event version of kafka-commerce. Generated from libs/events by `pnpm events:generate`; do not edit by hand. Each message value is a JSON envelope whose `payload` follows the frozen schema of its event version in libs/events/schemas.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

/** e.g. `orderService.send.orders`: built from wire names, never from code names. */
export function operationIdOf(
  service: ServiceName,
  action: 'send' | 'receive',
  topic: string,
): string {
  const camelService = service.replace(/-([a-z])/g, (_match, letter: string) =>
    letter.toUpperCase(),
  );
  return `${camelService}.${action}.${topic}`;
}

function channelOf(topic: TopicSpec, messageIds: readonly string[]): JsonObject {
  return {
    address: topic.name,
    title: topic.name,
    description: `Keyed by ${topic.key}, so that one aggregate's events stay in order. Produced by ${topic.producer}; consumed by ${topic.consumers.join(', ')}.`,
    messages: Object.fromEntries(
      messageIds.map((id) => [id, { $ref: `#/components/messages/${pointer(id)}` }] as const),
    ),
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-producer': topic.producer,
    'x-consumers': [...topic.consumers],
  };
}

function operationOf(
  action: 'send' | 'receive',
  service: ServiceName,
  topic: string,
  messageIds: readonly string[],
): JsonObject {
  return {
    action,
    channel: { $ref: `#/channels/${pointer(topic)}` },
    summary:
      action === 'send' ? `${service} publishes to ${topic}` : `${service} consumes ${topic}`,
    messages: messageIds.map((id) => ({
      $ref: `#/channels/${pointer(topic)}/messages/${pointer(id)}`,
    })),
    'x-service': service,
  };
}

/** Escapes one JSON Pointer segment (RFC 6901). */
function pointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
