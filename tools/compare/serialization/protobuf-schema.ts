import { type INamespace, type IType } from 'protobufjs';
import { type ObjectShape, type Shape, type ShapeField } from './schema-shape';

/** The message the envelope becomes; its payload is the nested message `Envelope.Payload`. */
export const PROTOBUF_ROOT_MESSAGE = 'Envelope';

/**
 * A protobuf schema (protobufjs JSON form) derived from an envelope's shape:
 * object → message (nested objects → nested messages), string → string, integer → int64,
 * number → double, boolean → bool, enum → string (as the JSON carries it), array → repeated,
 * optional or nullable → proto3 `optional` (explicit presence). Money and timestamps are strings
 * in our events and stay strings. Field numbers follow declaration order, which is why inserting
 * a field anywhere but the end changes the numbers of those after it (see evolution.ts).
 */
export function protobufSchemaOf(envelope: ObjectShape): INamespace {
  return { nested: { [PROTOBUF_ROOT_MESSAGE]: messageOf(envelope) } };
}

function messageOf(shape: ObjectShape): IType {
  const fields: IType['fields'] = {};
  const nested: Record<string, IType> = {};
  const oneofs: Record<string, { oneof: string[] }> = {};
  shape.fields.forEach((field, index) => {
    const { type, repeated, message } = fieldType(field);
    if (message) nested[type] = message;
    const explicitPresence = (field.optional || field.nullable) && !repeated && !message;
    fields[field.name] = {
      type,
      id: index + 1,
      ...(repeated ? { rule: 'repeated' } : {}),
      ...(explicitPresence ? { options: { proto3_optional: true } } : {}),
    };
    // protobufjs (like protoc) models a proto3 `optional` as a one-field synthetic oneof.
    if (explicitPresence) oneofs[`_${field.name}`] = { oneof: [field.name] };
  });
  return {
    fields,
    ...(Object.keys(nested).length > 0 ? { nested } : {}),
    ...(Object.keys(oneofs).length > 0 ? { oneofs } : {}),
  };
}

interface FieldType {
  readonly type: string;
  readonly repeated: boolean;
  /** The nested message this field needs declared, named `type`. */
  readonly message?: IType;
}

function fieldType(field: ShapeField): FieldType {
  const { shape } = field;
  if (shape.kind !== 'array')
    return { ...singleType(shape, messageName(field.name)), repeated: false };
  if (shape.items.kind === 'array') throw new TypeError(`${field.name}: nested arrays`);
  return { ...singleType(shape.items, `${messageName(field.name)}Item`), repeated: true };
}

function singleType(shape: Shape, name: string): Omit<FieldType, 'repeated'> {
  switch (shape.kind) {
    case 'string':
    case 'enum':
      return { type: 'string' };
    case 'integer':
      return { type: 'int64' };
    case 'number':
      return { type: 'double' };
    case 'boolean':
      return { type: 'bool' };
    case 'object':
      return { type: name, message: messageOf(shape) };
    case 'array':
      throw new TypeError(`${name}: nested arrays`);
  }
}

/** `shippingAddress` → `ShippingAddress`: a message type named after its field. */
function messageName(fieldName: string): string {
  return fieldName.charAt(0).toUpperCase() + fieldName.slice(1);
}
