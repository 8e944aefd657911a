import { avroFormat } from './avro-format';
import { type Format } from './codec';
import { jsonFormat } from './json-format';
import { msgpackFormat, msgpackRecordsFormat } from './msgpack-format';
import { protobufFormat } from './protobuf-format';

/** Every format measured, JSON (the baseline) first. Fresh instances: msgpackr keeps state. */
export function allFormats(): Format[] {
  return [jsonFormat(), msgpackFormat(), msgpackRecordsFormat(), protobufFormat(), avroFormat()];
}

/** Bincode is in the customer's list but has no JS implementation to measure. */
export const BINCODE = {
  name: 'Bincode',
  reason: 'not measured: Rust-only (serde); no maintained JS implementation',
  readable: false,
  crossLanguage: 'Rust only (its format is serde’s data model, not a cross-language spec)',
  evolution: 'none built in: fields are positional, no names or tags; any change breaks readers',
} as const;
