import {
  type EventDefinition,
  type EventEnvelope,
  envelopeSchema,
  jsonSchemaOf,
} from '@kafka-commerce/events';
import { type z } from 'zod';
import { type EnvelopeSchema } from './codec';

/**
 * The JSON Schema of a whole envelope carrying `payload`: the envelope is what goes on the wire,
 * so the schema-based formats must describe it, not only the payload.
 */
export function envelopeSchemaFor(name: string, payload: z.ZodType): EnvelopeSchema {
  return { name, jsonSchema: jsonSchemaOf(envelopeSchema.extend({ payload })) };
}

/** The envelope schema of one declared event version, named e.g. `order.created v1`. */
export function envelopeSchemaOf(definition: EventDefinition): EnvelopeSchema {
  return envelopeSchemaFor(versionName(definition), definition.schema);
}

export function versionName(version: { type: string; version: number }): string {
  return `${version.type} v${version.version}`;
}

/** A fixed envelope around a fixture, so every format encodes exactly the same value. */
export function fixtureEnvelope(definition: EventDefinition, payload: unknown): EventEnvelope {
  return {
    eventId: '3f2b8c1d-4e5a-4b6c-9d7e-8f9a0b1c2d3e',
    type: definition.type,
    version: definition.version,
    occurredAt: '2026-11-26T10:00:00.120Z',
    producer: 'order-service',
    correlationId: 'b7e1c9a2-5d4f-4a3b-8c2d-1e0f9a8b7c6d',
    causationId: null,
    payload,
  };
}
