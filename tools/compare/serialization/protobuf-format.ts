import { Root, type Type } from 'protobufjs';
import { type Codec, type EnvelopeSchema, type Format, readWithReaderSchema } from './codec';
import { PROTOBUF_ROOT_MESSAGE, protobufSchemaOf } from './protobuf-schema';
import { objectShapeOf, restoreAbsence } from './schema-shape';

/** protobufjs decodes to a message object; these options turn it back into our JSON values. */
const TO_PLAIN = {
  // int64 values arrive as Long: every integer of ours is a safe JS integer.
  longs: Number,
  // proto3 does not write "" / 0 / [] for fields without explicit presence: put them back.
  defaults: true,
  arrays: true,
} as const;

/** A protobuf codec for one envelope schema, derived at run time (no .proto file). */
export function protobufCodec(schema: EnvelopeSchema): Codec {
  const shape = objectShapeOf(schema.jsonSchema);
  const message: Type = Root.fromJSON(protobufSchemaOf(shape)).lookupType(PROTOBUF_ROOT_MESSAGE);
  return {
    name: 'Protobuf',
    // Encoding a plain object directly: protobufjs accepts one of the message's shape.
    encode: (value) => message.encode(value as Record<string, unknown>).finish(),
    decode: (bytes) => restoreAbsence(shape, message.toObject(message.decode(bytes), TO_PLAIN)),
  };
}

export function protobufFormat(): Format {
  return {
    name: 'Protobuf',
    needsSchema: true,
    readable: false,
    crossLanguage:
      'official: C++, Java, Kotlin, Python, Go, C#, Ruby, PHP, Dart, Obj-C; Rust (prost), JS (protobufjs)',
    evolutionNeeds: 'stable field numbers (new fields get new numbers, never reuse one)',
    codecFor: protobufCodec,
    readerFor: readWithReaderSchema({ codecFor: protobufCodec }),
  };
}
