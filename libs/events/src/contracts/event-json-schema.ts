import { z } from 'zod';
import { type EventDefinition } from '../define-event';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue, toJsonObject } from './json';

/**
 * The JSON Schema (draft-07, which AsyncAPI schemas extend) of one event version's payload.
 * This is what gets frozen in `schemas/` once the version is published.
 */
export function eventJsonSchema(definition: EventDefinition): JsonObject {
  return jsonSchemaOf(definition.schema);
}

/**
 * Converts a zod schema to JSON Schema the way every contract file does. It describes what
 * consumers accept (zod's input side), so unknown extra fields are allowed: consumers strip
 * them. `required` lists are sorted so that reordering fields in code is not a change.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonObject {
  const draft07 = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  return withSortedRequired(toJsonObject(draft07));
}

/** A schema without its `$schema` marker, for embedding in a larger document. */
export function withoutSchemaMarker(schema: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'));
}

function withSortedRequired(schema: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, sortRequired(key, value)] as const),
  );
}

function sortRequired(key: string, value: JsonValue): JsonValue {
  if (!isJsonArray(value)) return isJsonObject(value) ? withSortedRequired(value) : value;
  const names = value.filter((item) => typeof item === 'string');
  if (key === 'required' && names.length === value.length) return names.sort();
  return value.map((item) => sortRequired('', item));
}
