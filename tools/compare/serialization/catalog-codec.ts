import { type Codec, type EnvelopeSchema, type Format } from './codec';

/** Confluent's wire format: magic byte 0, then the schema's id as a 4-byte big-endian integer. */
export const SCHEMA_ID_BYTES = 5;

/**
 * One codec for a topic of mixed event versions. Self-describing formats (JSON, MessagePack)
 * need nothing extra; protobuf and Avro readers must be told which schema wrote the bytes, so
 * each message is framed with a schema id the way a schema registry does (5 bytes, counted in
 * the sizes). Versions are found by the envelope's `type` and `version`.
 */
export function catalogCodec(format: Format, schemas: readonly EnvelopeSchema[]): Codec {
  const first = schemas[0];
  if (!first) throw new RangeError('catalogCodec needs at least one schema');
  if (!format.needsSchema) return format.codecFor(first);
  const codecs = schemas.map((schema) => format.codecFor(schema));
  const idByName = new Map(schemas.map((schema, id) => [schema.name, id]));
  return {
    name: format.name,
    encode: (value) => {
      const id = idByName.get(nameOf(value));
      const codec = id === undefined ? undefined : codecs[id];
      if (id === undefined || !codec) throw new RangeError(`no schema for ${nameOf(value)}`);
      return framed(id, codec.encode(value));
    },
    decode: (bytes) => {
      const id = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(1);
      const codec = codecs[id];
      if (bytes[0] !== 0 || !codec) throw new RangeError(`unknown schema id ${id}`);
      return codec.decode(bytes.subarray(SCHEMA_ID_BYTES));
    },
  };
}

function framed(id: number, body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(SCHEMA_ID_BYTES + body.length);
  new DataView(bytes.buffer).setUint32(1, id);
  bytes.set(body, SCHEMA_ID_BYTES);
  return bytes;
}

/** `order.created v1`, the same name envelope-schema.ts gives the schema. */
function nameOf(value: unknown): string {
  const { type, version } = value as { type?: unknown; version?: unknown };
  return `${String(type)} v${String(version)}`;
}
