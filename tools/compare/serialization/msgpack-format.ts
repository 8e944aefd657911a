import { pack, Packr, unpack } from 'msgpackr';
import { asBytes } from './bytes';
import { type Codec, type Format, readWithReaderSchema } from './codec';

const MSGPACK_LANGUAGES =
  'C, C++, C#, Go, Java, Python, Ruby, Rust (rmp), PHP, JS and ~50 more (msgpack.org)';

/** Plain MessagePack (`pack`/`unpack`): objects as maps with their keys, no schema. */
export function msgpackFormat(): Format {
  const codec: Codec = {
    name: 'MessagePack',
    encode: (value) => asBytes(pack(value)),
    decode: (bytes): unknown => unpack(bytes),
  };
  const codecFor = (): Codec => codec;
  return {
    name: codec.name,
    needsSchema: false,
    readable: false,
    crossLanguage: MSGPACK_LANGUAGES,
    evolutionNeeds: 'readers ignore unknown fields (zod strips them)',
    codecFor,
    readerFor: readWithReaderSchema({ codecFor }),
  };
}

/** msgpackr's record extension (an msgpackr ext type: other MessagePack readers cannot read it). */
export const RECORDS_CROSS_LANGUAGE =
  'msgpackr only (JS): the record extension is not part of MessagePack; other readers see an unknown ext type';

/**
 * MessagePack with msgpackr's shared record structures: an object's key list is stored once in
 * `structures` and each message refers to it by a small id. Bytes therefore cannot be read
 * without the same structures, so this format models a structure registry shared by every
 * producer and consumer (one array per format instance; in production it would live in a store
 * all services read, via `getStructures`/`saveStructures`).
 */
export function msgpackRecordsFormat(): Format & { readonly registry: object[] } {
  const registry: object[] = [];
  // Far more than our ~30 shapes (envelope + nested payload objects); the default (32) would
  // silently stop sharing new shapes, which then travel inline in every message.
  const packr = new Packr({ structures: registry, maxSharedStructures: 1000 });
  const codec: Codec = {
    name: 'MessagePack+records',
    encode: (value) => asBytes(packr.pack(value)),
    decode: (bytes): unknown => packr.unpack(bytes),
  };
  const codecFor = (): Codec => codec;
  return {
    name: codec.name,
    needsSchema: false,
    readable: false,
    crossLanguage: RECORDS_CROSS_LANGUAGE,
    evolutionNeeds: 'every reader shares the writers’ structures registry',
    registry,
    codecFor,
    readerFor: readWithReaderSchema({ codecFor }),
  };
}
