import { type Codec, type Format, readWithReaderSchema } from './codec';
import { asBuffer, asBytes } from './bytes';

/**
 * Our wire format today: the outbox writes `JSON.stringify(envelope)` as the Kafka value and
 * `parseEvent` reads `JSON.parse(body.toString())`, both UTF-8. The schema is not needed.
 */
const jsonCodec: Codec = {
  name: 'JSON',
  encode: (value) => asBytes(Buffer.from(JSON.stringify(value), 'utf8')),
  decode: (bytes): unknown => JSON.parse(asBuffer(bytes).toString('utf8')),
};

export function jsonFormat(): Format {
  const codecFor = (): Codec => jsonCodec;
  return {
    name: jsonCodec.name,
    needsSchema: false,
    readable: true,
    crossLanguage: 'every language (standard library)',
    evolutionNeeds: 'readers ignore unknown fields (zod strips them)',
    codecFor,
    readerFor: readWithReaderSchema({ codecFor }),
  };
}
