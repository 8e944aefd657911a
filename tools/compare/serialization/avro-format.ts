import { Type } from 'avsc';
import { asBuffer, asBytes } from './bytes';
import { type Codec, type EnvelopeSchema, type Format } from './codec';
import { avroSchemaOf } from './avro-schema';
import { objectShapeOf, restoreAbsence, type ObjectShape } from './schema-shape';

interface AvroType {
  readonly shape: ObjectShape;
  readonly type: Type;
}

function avroTypeOf(schema: EnvelopeSchema): AvroType {
  const shape = objectShapeOf(schema.jsonSchema);
  return { shape, type: Type.forSchema(avroSchemaOf(shape)) };
}

/** An Avro codec (`avsc`) for one envelope schema, derived at run time. */
export function avroCodec(schema: EnvelopeSchema): Codec {
  const { shape, type } = avroTypeOf(schema);
  return {
    name: 'Avro',
    encode: (value) => asBytes(type.toBuffer(value)),
    decode: (bytes) => toPlain(shape, type.fromBuffer(asBuffer(bytes))),
  };
}

/**
 * Avro bytes carry no field names or tags: a reader must know the writer's schema and resolve
 * it against its own (`createResolver`), matching fields by name and filling defaults.
 */
function resolvingReader(
  writer: EnvelopeSchema,
  reader: EnvelopeSchema,
): (bytes: Uint8Array) => unknown {
  const written = avroTypeOf(writer);
  const read = avroTypeOf(reader);
  const resolver = read.type.createResolver(written.type);
  return (bytes) => toPlain(read.shape, read.type.fromBuffer(asBuffer(bytes), resolver));
}

/**
 * avsc builds records as instances of generated classes (own properties = the fields). They are
 * not copied into plain objects: a consumer reads the fields either way, and a copy would bill
 * Avro for work no reader needs. The fidelity check compares data, not prototypes.
 */
function toPlain(shape: ObjectShape, record: unknown): unknown {
  return restoreAbsence(shape, record);
}

export function avroFormat(): Format {
  return {
    name: 'Avro',
    needsSchema: true,
    readable: false,
    crossLanguage:
      'Apache: Java, C, C++, C#, Python, Rust, PHP, Ruby, Perl; Go (hamba/avro, goavro), JS (avsc)',
    evolutionNeeds: "the writer's schema at read time (a schema registry) + defaults on new fields",
    codecFor: avroCodec,
    readerFor: resolvingReader,
  };
}
