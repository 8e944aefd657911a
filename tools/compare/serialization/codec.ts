import { type JsonObject } from '@kafka-commerce/events';

/** One way of turning an event envelope into bytes and back. */
export interface Codec {
  readonly name: string;
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/**
 * The schema one codec is built for: the JSON Schema of a whole envelope whose `payload` is one
 * event version's payload (see envelope-schema.ts), with the name of that version.
 */
export interface EnvelopeSchema {
  /** e.g. `order.created v1`; also how the schema is identified on the wire (batch framing). */
  readonly name: string;
  readonly jsonSchema: JsonObject;
}

/** A serialization format under comparison, with the facts about it that are not measured. */
export interface Format {
  readonly name: string;
  /** True when a reader needs to know which schema wrote the bytes (protobuf, Avro). */
  readonly needsSchema: boolean;
  /** Whether a person can read the bytes as they are (a fact of the format). */
  readonly readable: boolean;
  /** Where else it can be read and written (a fact, not measured). */
  readonly crossLanguage: string;
  /** What a change of schema needs with this format, in a few words. */
  readonly evolutionNeeds: string;
  codecFor(schema: EnvelopeSchema): Codec;
  /**
   * A decoder for bytes written with `writer`, compiled against `reader`. Most formats only
   * need the reader's schema; Avro needs both (schema resolution).
   */
  readerFor(writer: EnvelopeSchema, reader: EnvelopeSchema): (bytes: Uint8Array) => unknown;
}

/** The usual `readerFor`: decode with a codec built from the reader's schema alone. */
export function readWithReaderSchema(
  format: Pick<Format, 'codecFor'>,
): (writer: EnvelopeSchema, reader: EnvelopeSchema) => (bytes: Uint8Array) => unknown {
  return (_writer, reader) => {
    const codec = format.codecFor(reader);
    return (bytes) => codec.decode(bytes);
  };
}
