import { type EventDefinition } from '../define-event';
import { envelopeSchema, EVENT_HEADERS } from '../envelope';
import { type TopicSpec } from '../topics';
import { eventJsonSchema, jsonSchemaOf, withoutSchemaMarker } from './event-json-schema';
import { isJsonObject, type JsonObject } from './json';

/** AsyncAPI Kafka bindings version the document follows. */
export const KAFKA_BINDING_VERSION = '0.5.0';

/** The component id of one event version's message, e.g. `order.created.v1`. */
export function messageIdOf(definition: EventDefinition): string {
  return `${definition.type}.v${definition.version}`;
}

/**
 * The AsyncAPI message for one event version. Its payload is the whole Kafka message value:
 * the envelope, with `type`/`version` fixed and `payload` the version's frozen schema.
 */
export function asyncApiMessageOf(definition: EventDefinition, topic: TopicSpec): JsonObject {
  const payloadSchema = withoutSchemaMarker(eventJsonSchema(definition));
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    contentType: 'application/json',
    correlationId: {
      description: 'The request or order this event belongs to.',
      location: '$message.payload#/correlationId',
    },
    headers: headersSchemaOf(definition),
    payload: envelopeSchemaOf(definition, payloadSchema),
    bindings: {
      kafka: { key: keySchemaOf(topic, payloadSchema), bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

function envelopeSchemaOf(definition: EventDefinition, payloadSchema: JsonObject): JsonObject {
  const envelope = withoutSchemaMarker(jsonSchemaOf(envelopeSchema));
  const properties = isJsonObject(envelope.properties) ? envelope.properties : {};
  return {
    ...envelope,
    properties: {
      ...properties,
      type: { type: 'string', const: definition.type },
      version: { type: 'integer', const: definition.version },
      payload: payloadSchema,
    },
  };
}

/** The Kafka message key: the payload's aggregate id field, as its own schema. */
function keySchemaOf(topic: TopicSpec, payloadSchema: JsonObject): JsonObject {
  const properties = payloadSchema.properties;
  const keyField = isJsonObject(properties) ? properties[topic.key] : undefined;
  if (!isJsonObject(keyField)) {
    throw new Error(`events on "${topic.name}" must carry their key field "${topic.key}"`);
  }
  return {
    ...keyField,
    description: `The ${topic.key} of the payload, so that one aggregate's events stay in order.`,
  };
}

/** Routing fields mirrored as Kafka headers (all header values are strings). */
function headersSchemaOf(definition: EventDefinition): JsonObject {
  const required = [
    EVENT_HEADERS.eventId,
    EVENT_HEADERS.type,
    EVENT_HEADERS.version,
    EVENT_HEADERS.producer,
    EVENT_HEADERS.correlationId,
  ];
  return {
    type: 'object',
    properties: {
      [EVENT_HEADERS.eventId]: { type: 'string', format: 'uuid' },
      [EVENT_HEADERS.type]: { type: 'string', const: definition.type },
      [EVENT_HEADERS.version]: { type: 'string', const: String(definition.version) },
      [EVENT_HEADERS.producer]: { type: 'string' },
      [EVENT_HEADERS.correlationId]: { type: 'string' },
      [EVENT_HEADERS.causationId]: {
        type: 'string',
        description: 'Absent when a client request, not an event, caused this event.',
      },
    },
    required: [...required].sort(),
  };
}
