import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '@kafka-commerce/events';

/**
 * The part of a JSON Schema that a binary schema can express: what protobuf and Avro schemas
 * are derived from. Constraints (patterns, lengths, bounds) are dropped: zod checks them.
 */
export type Shape =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly items: Shape }
  | { readonly kind: 'object'; readonly fields: readonly ShapeField[] };

export interface ShapeField {
  readonly name: string;
  readonly shape: Shape;
  /** Absent from `required`: the key may be missing. */
  readonly optional: boolean;
  /** `anyOf [T, null]`: the value may be null. */
  readonly nullable: boolean;
}

export type ObjectShape = Extract<Shape, { kind: 'object' }>;

/** Reads a JSON Schema (as zod writes it) into a shape. Throws on what it cannot express. */
export function shapeOf(schema: JsonObject, path = '$'): Shape {
  const nullable = withoutNull(schema);
  if (nullable) return shapeOf(nullable, path);
  if (isJsonArray(schema.enum)) return enumShape(schema.enum, path);
  if (typeof schema.const === 'string') return { kind: 'string' };
  switch (typeof schema.type === 'string' ? schema.type : '') {
    case 'string':
      return { kind: 'string' };
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'array', items: shapeOf(objectAt(schema.items, `${path}[]`), `${path}[]`) };
    case 'object':
      return objectShape(schema, path);
    default:
      throw new TypeError(`${path}: no binary schema for ${JSON.stringify(schema)}`);
  }
}

/** Like {@link shapeOf} for a schema that must describe an object (an envelope). */
export function objectShapeOf(schema: JsonObject): ObjectShape {
  const shape = shapeOf(schema);
  if (shape.kind !== 'object') throw new TypeError('expected an object schema');
  return shape;
}

/** True when the JSON Schema allows null (`anyOf: [T, {type: null}]` or `type: [T, "null"]`). */
export function allowsNull(schema: JsonObject): boolean {
  return withoutNull(schema) !== undefined;
}

function objectShape(schema: JsonObject, path: string): ObjectShape {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = isJsonArray(schema.required) ? schema.required : [];
  const fields = Object.entries(properties).map(([name, property]): ShapeField => {
    const propertySchema = objectAt(property, `${path}.${name}`);
    return {
      name,
      shape: shapeOf(propertySchema, `${path}.${name}`),
      optional: !required.includes(name),
      nullable: allowsNull(propertySchema),
    };
  });
  return { kind: 'object', fields };
}

function enumShape(values: readonly JsonValue[], path: string): Shape {
  const names = values.filter((value) => typeof value === 'string');
  if (names.length !== values.length) throw new TypeError(`${path}: only string enums`);
  return { kind: 'enum', values: names };
}

/** The non-null half of a nullable schema, or undefined when the schema is not nullable. */
function withoutNull(schema: JsonObject): JsonObject | undefined {
  const anyOf = isJsonArray(schema.anyOf) ? schema.anyOf.filter(isJsonObject) : [];
  const others = anyOf.filter((option) => option.type !== 'null');
  if (anyOf.length === 2 && others.length === 1) return others[0];
  if (isJsonArray(schema.type) && schema.type.includes('null')) {
    const rest = schema.type.filter((type) => type !== 'null');
    if (rest.length === 1 && rest[0] !== undefined) return { ...schema, type: rest[0] };
  }
  return undefined;
}

function objectAt(value: JsonValue | undefined, path: string): JsonObject {
  if (!isJsonObject(value)) throw new TypeError(`${path}: expected a schema object`);
  return value;
}

/**
 * Puts back what a binary format cannot tell apart: protobuf and Avro have no "key missing" vs
 * "null" distinction, so after decoding an absent or null field becomes null when the schema
 * says nullable, and is removed when the schema says optional. Mutates and returns `value`.
 */
export function restoreAbsence(shape: Shape, value: unknown): unknown {
  if (shape.kind === 'array' && Array.isArray(value)) {
    for (const item of value) restoreAbsence(shape.items, item);
  }
  if (shape.kind !== 'object' || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  for (const field of shape.fields) {
    const current = record[field.name];
    if (current === undefined || current === null) {
      if (field.nullable) record[field.name] = null;
      else if (field.optional) Reflect.deleteProperty(record, field.name);
    } else {
      restoreAbsence(field.shape, current);
    }
  }
  return value;
}
