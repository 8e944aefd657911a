import { moneySchema } from '@kafka-commerce/money';
import {
  EVENT_CATALOG,
  type EventDefinition,
  type EventEnvelope,
  isJsonArray,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  eventJsonSchema,
  jsonSchemaOf,
} from '@kafka-commerce/events';

/** A seeded generator (mulberry32): the same seed gives the same batch on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Batch {
  readonly envelopes: readonly EventEnvelope[];
  /** Payloads that stayed the fixture because no varied one passed the event's zod schema. */
  readonly fixturesKept: number;
}

/**
 * `count` envelopes of every catalog event version, each a varied copy of the version's fixture
 * (ids, amounts, timestamps, text incl. non-ASCII, array lengths, optional fields present or
 * not), validated by the event's own zod schema. Deterministic for a given seed.
 */
export function generateBatch(count: number, seed = 12): Batch {
  const random = seededRandom(seed);
  const variants = EVENT_CATALOG.map((entry) => ({
    definition: entry.definition,
    fixture: entry.fixture,
    schema: eventJsonSchema(entry.definition),
  }));
  const envelopes: EventEnvelope[] = [];
  let fixturesKept = 0;
  for (let index = 0; index < count; index++) {
    const variant = variants[Math.floor(random() * variants.length)] ?? variants[0];
    if (!variant) break;
    const payload = validVariation(variant.definition, variant.schema, variant.fixture, random);
    if (payload === variant.fixture) fixturesKept++;
    envelopes.push(envelopeAround(variant.definition, payload, random));
  }
  return { envelopes, fixturesKept };
}

const ATTEMPTS = 8;

function validVariation(
  definition: EventDefinition,
  schema: JsonObject,
  fixture: unknown,
  random: () => number,
): unknown {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const payload = vary(schema, fixture, random);
    if (definition.schema.safeParse(payload).success) return payload;
  }
  return fixture;
}

/** The JSON Schema `type` as a string ('' when absent or a list), for a switch. */
function typeNameOf(schema: JsonObject): string {
  return typeof schema.type === 'string' ? schema.type : '';
}

const PRODUCERS = ['user-service', 'product-service', 'order-service', 'inventory-service'];

function envelopeAround(
  definition: EventDefinition,
  payload: unknown,
  random: () => number,
): EventEnvelope {
  return {
    eventId: uuid(random),
    type: definition.type,
    version: definition.version,
    occurredAt: timestamp(random),
    producer: pick(PRODUCERS, random),
    correlationId: uuid(random),
    causationId: random() < 0.4 ? null : uuid(random),
    payload,
  };
}

const MONEY_PATTERN = jsonSchemaOf(moneySchema).pattern;

/** A value like `fixture`, varied where the JSON Schema says what is allowed. */
function vary(schema: JsonObject, fixture: unknown, random: () => number): unknown {
  if (isJsonArray(schema.anyOf)) return varyNullable(schema.anyOf, fixture, random);
  if (isJsonArray(schema.enum)) return pick(schema.enum, random);
  switch (typeNameOf(schema)) {
    case 'string':
      return varyString(schema, fixture, random);
    case 'integer':
      return varyInteger(schema, random);
    case 'number':
      return Math.round((random() * 80 - 20) * 100) / 100;
    case 'boolean':
      return random() < 0.5;
    case 'array':
      return varyArray(schema, fixture, random);
    case 'object':
      return varyObject(schema, fixture, random);
    default:
      return fixture;
  }
}

function varyNullable(
  options: readonly JsonValue[],
  fixture: unknown,
  random: () => number,
): unknown {
  const value = options.filter(isJsonObject).find((option) => option.type !== 'null');
  if (!value || random() < 0.3) return null;
  return vary(value, fixture, random);
}

function varyString(schema: JsonObject, fixture: unknown, random: () => number): unknown {
  if (schema.format === 'uuid') return uuid(random);
  if (schema.format === 'date-time') return timestamp(random);
  if (schema.pattern === MONEY_PATTERN) return money(random);
  // Any other pattern (e.g. a phone number) we cannot invent reliably: keep the fixture's.
  if (schema.pattern !== undefined) return fixture;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  return text(random).slice(0, maxLength);
}

function varyInteger(schema: JsonObject, random: () => number): number {
  const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : exclusive;
  // Mostly small counts, sometimes large ones (multi-byte varints / msgpack ints).
  const span = random() < 0.9 ? 20 : 5_000_000;
  return minimum + Math.floor(random() * span);
}

function varyArray(schema: JsonObject, fixture: unknown, random: () => number): unknown {
  const items = isJsonObject(schema.items) ? schema.items : {};
  const examples = Array.isArray(fixture) ? (fixture as unknown[]) : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const length = minItems + Math.floor(random() * 6);
  return Array.from({ length }, (_, index) =>
    vary(items, examples.length > 0 ? examples[index % examples.length] : undefined, random),
  );
}

function varyObject(schema: JsonObject, fixture: unknown, random: () => number): unknown {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = isJsonArray(schema.required) ? schema.required : [];
  const example = (typeof fixture === 'object' && fixture !== null ? fixture : {}) as Record<
    string,
    unknown
  >;
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const optional = !required.includes(name);
    if (optional && (!(name in example) || random() < 0.3)) continue;
    if (isJsonObject(property)) result[name] = vary(property, example[name], random);
  }
  return result;
}

/** Amounts as our wire has them, including the ones a float would change: "0.10", "19.99", "7". */
function money(random: () => number): string {
  const special = ['0.10', '19.99', '0.01', '5.00', '7', '3.5', '1000000.00', '0'];
  if (random() < 0.3) return pick(special, random);
  const cents = Math.floor(random() * 100_000);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const WORDS = [
  'Kafka',
  'mug',
  'large',
  'Zoë',
  'Straße',
  '東京',
  'café',
  'naïve',
  'ünïcödé',
  'emoji 🎉',
  'Row',
  'North',
  '12',
  'B',
];

function text(random: () => number): string {
  const count = 1 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => pick(WORDS, random)).join(' ');
}

function timestamp(random: () => number): string {
  const start = Date.UTC(2026, 0, 1);
  return new Date(start + Math.floor(random() * 365 * 86_400_000)).toISOString();
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (Math.floor(random() * 4) + 8).toString(16);
  const all = hex.join('');
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
}

function pick<T>(values: readonly T[], random: () => number): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new RangeError('pick from an empty list');
  return value;
}
