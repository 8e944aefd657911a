import { z } from 'zod';
import { ALL_EVENTS } from '../catalog';
import { defineEvent } from '../define-event';
import { TOPICS, type TopicSpec } from '../topics';
import { buildAsyncApiDocument, operationIdOf } from './asyncapi';
import { eventJsonSchema, withoutSchemaMarker } from './event-json-schema';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from './json';

const topics: readonly TopicSpec[] = Object.values(TOPICS);
const document = buildAsyncApiDocument(ALL_EVENTS, topics);
const COMPONENT_KEY = /^[a-zA-Z0-9.\-_]+$/;

/** A `$ref` string, failing the test if the node has none. */
function refOf(node: JsonValue | undefined): string {
  const ref = isJsonObject(node) ? node.$ref : undefined;
  if (typeof ref !== 'string') throw new Error('expected a $ref');
  return ref;
}

/** Resolves a local `$ref` (`#/a/b`), as an AsyncAPI parser would. */
function resolve(ref: string): JsonObject {
  let node: JsonValue | undefined = document;
  for (const segment of ref.replace(/^#\//, '').split('/')) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isJsonObject(node) ? node[key] : undefined;
  }
  if (!isJsonObject(node)) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

function objectAt(value: JsonValue | undefined): JsonObject {
  if (!isJsonObject(value)) throw new Error('expected an object');
  return value;
}

function refsIn(value: JsonValue | undefined): string[] {
  const list = isJsonObject(value) ? Object.values(value) : isJsonArray(value) ? value : [];
  return list.map(refOf);
}

describe('AsyncAPI document', () => {
  const channels = objectAt(document.channels);
  const operations = objectAt(document.operations);
  const messages = objectAt(objectAt(document.components).messages);

  it('is AsyncAPI 3.0.0 with info', () => {
    expect(document).toMatchObject({ asyncapi: '3.0.0', info: { title: expect.any(String) } });
    expect(objectAt(document.info).version).toEqual(expect.any(String));
  });

  it('has one channel per topic, addressed by the topic name, with its partitions', () => {
    expect(Object.keys(channels).sort()).toEqual(topics.map((t) => t.name).sort());
    for (const topic of topics) {
      expect(channels[topic.name]).toMatchObject({
        address: topic.name,
        bindings: { kafka: { topic: topic.name, partitions: topic.partitions } },
      });
    }
  });

  it('has one message per event version, reachable from its channel', () => {
    expect(Object.keys(messages)).toHaveLength(ALL_EVENTS.length);
    for (const definition of ALL_EVENTS) {
      const channel = objectAt(channels[definition.topic]);
      const message = resolve(
        refOf(objectAt(channel.messages)[`${definition.type}.v${definition.version}`]),
      );
      expect(message.name).toBe(definition.type);
    }
  });

  it('describes the whole message value: envelope around the frozen payload schema', () => {
    for (const definition of ALL_EVENTS) {
      const message = objectAt(messages[`${definition.type}.v${definition.version}`]);
      const properties = objectAt(objectAt(message.payload).properties);
      expect(properties.type).toEqual({ type: 'string', const: definition.type });
      expect(properties.version).toEqual({ type: 'integer', const: definition.version });
      expect(properties.payload).toEqual(withoutSchemaMarker(eventJsonSchema(definition)));
      expect(objectAt(message.payload).required).toEqual(expect.arrayContaining(['payload']));
    }
  });

  it('describes the Kafka key from the payload field that holds the aggregate id', () => {
    const orderCreated = objectAt(messages['order.created.v1']);
    expect(orderCreated.bindings).toMatchObject({ kafka: { key: { format: 'uuid' } } });
    const reading = objectAt(messages['sensor.temperature-recorded.v1']);
    expect(reading.bindings).toMatchObject({ kafka: { key: { maxLength: 100 } } });
  });

  it('has a send operation for the producer and a receive operation per consumer', () => {
    const expected = topics.flatMap((topic) => [
      operationIdOf(topic.producer, 'send', topic.name),
      ...topic.consumers.map((consumer) => operationIdOf(consumer, 'receive', topic.name)),
    ]);
    expect(Object.keys(operations).sort()).toEqual(expected.sort());
    expect(operations).toHaveProperty(['orderService.send.orders']);
    expect(operations).toHaveProperty(['paymentService.receive.orders']);
    expect(operations).toHaveProperty(['analyticsService.send.sensor.temperature']);
    expect(operations).toHaveProperty(['analyticsService.receive.sensor.temperature']);
    expect(operations).toHaveProperty(['notificationService.receive.sensor.alert']);
  });

  it("points each operation at its channel and only that channel's messages", () => {
    for (const operation of Object.values(operations).map(objectAt)) {
      expect(['send', 'receive']).toContain(operation.action);
      const channelRef = refOf(operation.channel);
      const channel = resolve(channelRef);
      const messageRefs = refsIn(operation.messages);
      expect(messageRefs).toHaveLength(Object.keys(objectAt(channel.messages)).length);
      for (const ref of messageRefs) {
        expect(ref.startsWith(`${channelRef}/messages/`)).toBe(true);
        expect(resolve(ref)).toBeDefined();
      }
    }
  });

  it('uses ids AsyncAPI allows as component keys', () => {
    for (const id of [
      ...Object.keys(channels),
      ...Object.keys(operations),
      ...Object.keys(messages),
    ]) {
      expect(id).toMatch(COMPONENT_KEY);
    }
  });

  it('refuses an event on an undeclared topic or without its key field', () => {
    const keyless = defineEvent({
      type: 'test.keyless',
      version: 1,
      topic: TOPICS.orders.name,
      schema: z.object({ id: z.string() }),
      key: (payload) => payload.id,
    });
    expect(() => buildAsyncApiDocument([keyless], topics)).toThrow(/key field "orderId"/);
    expect(() => buildAsyncApiDocument(ALL_EVENTS, [TOPICS.users])).toThrow(/undeclared topic/);
  });
});
