import { type schema } from 'avsc';

/** One Avro type as avsc's typings describe it (a name, a record, an array, …). */
type AvroType = schema.DefinedType;
import { type ObjectShape, type Shape, type ShapeField } from './schema-shape';

/** The full name of the envelope record; nested records are named after their path. */
export const AVRO_ROOT_RECORD = 'Envelope';

/**
 * An Avro schema derived from an envelope's shape: object → record (nested records named by
 * path, e.g. `Envelope_payload_shippingAddress`, since Avro names must be unique), string →
 * string, integer → long, number → double, boolean → boolean, enum → string (an Avro enum
 * could not gain a value without breaking old readers), array → array, optional or nullable →
 * union with null, default null (the default is what lets a newer reader read older data).
 * Money and timestamps are strings in our events and stay strings (no logical types).
 */
export function avroSchemaOf(envelope: ObjectShape): schema.RecordType {
  return recordOf(envelope, AVRO_ROOT_RECORD);
}

function recordOf(shape: ObjectShape, name: string): schema.RecordType {
  return { type: 'record', name, fields: shape.fields.map((field) => fieldOf(field, name)) };
}

function fieldOf(field: ShapeField, recordName: string): schema.RecordType['fields'][number] {
  const type = typeOf(field.shape, `${recordName}_${field.name}`);
  if (!field.optional && !field.nullable) return { name: field.name, type };
  return { name: field.name, type: ['null', type], default: null };
}

function typeOf(shape: Shape, name: string): AvroType {
  switch (shape.kind) {
    case 'string':
    case 'enum':
      return 'string';
    case 'integer':
      return 'long';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'array':
      return { type: 'array', items: typeOf(shape.items, `${name}_item`) };
    case 'object':
      return recordOf(shape, name);
  }
}
