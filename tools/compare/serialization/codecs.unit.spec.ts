import { EVENT_CATALOG } from '@kafka-commerce/events';
import { generateBatch } from './batch';
import { catalogCodec } from './catalog-codec';
import { type Codec } from './codec';
import { envelopeSchemaOf, fixtureEnvelope, versionName } from './envelope-schema';
import { firstDifference } from './fidelity';
import { allFormats } from './formats';
import { jsonFormat } from './json-format';

const versions = EVENT_CATALOG.map((entry) => ({
  name: versionName(entry.definition),
  definition: entry.definition,
  fixture: entry.fixture,
}));
const formatNames = allFormats().map((format) => format.name);

function roundTrip(codec: Codec, value: unknown): unknown {
  return codec.decode(codec.encode(value));
}

describe.each(formatNames)('%s', (formatName) => {
  const format = () => {
    const found = allFormats().find((candidate) => candidate.name === formatName);
    if (!found) throw new Error(formatName);
    return found;
  };

  it.each(versions)('round-trips the $name fixture exactly', ({ definition, fixture }) => {
    const codec = format().codecFor(envelopeSchemaOf(definition));
    const envelope = fixtureEnvelope(definition, fixture);

    expect(firstDifference(envelope, roundTrip(codec, envelope))).toBeUndefined();
  });

  it('round-trips a varied batch of every version exactly (money, dates, optional fields)', () => {
    const schemas = versions.map((version) => envelopeSchemaOf(version.definition));
    const codec = catalogCodec(format(), schemas);
    const { envelopes } = generateBatch(300, 7);

    const failures = envelopes
      .map((envelope) => firstDifference(envelope, roundTrip(codec, envelope)))
      .filter((difference) => difference !== undefined);

    expect(failures).toEqual([]);
  });
});

describe('the fidelity check', () => {
  const order = versions.find((version) => version.name === 'order.created v1')!;
  const envelope = fixtureEnvelope(order.definition, order.fixture);

  it('catches a codec that turns money strings into numbers', () => {
    const json = jsonFormat().codecFor(envelopeSchemaOf(order.definition));
    const moneyAsNumbers: Codec = {
      name: 'lossy',
      encode: (value) => json.encode(value),
      decode: (bytes) =>
        JSON.parse(Buffer.from(bytes).toString('utf8'), (_key, value: unknown) =>
          typeof value === 'string' && /^\d+\.\d+$/.test(value) ? Number(value) : value,
        ) as unknown,
    };

    expect(firstDifference(envelope, roundTrip(moneyAsNumbers, envelope))).toBe(
      'payload.items.0.unitPrice: expected "19.99", got 19.99',
    );
  });

  it('tells "0.10" from "0.1", a lost key, an extra key and null from absent', () => {
    expect(firstDifference({ price: '0.10' }, { price: '0.1' })).toBe(
      'price: expected "0.10", got "0.1"',
    );
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 })).toBe('b: missing (expected 2)');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('b: unexpected 2');
    expect(firstDifference({ a: null }, {})).toBe('a: missing (expected null)');
    expect(firstDifference({ at: ['x'] }, { at: { 0: 'x' } })).toBe(
      'at: expected array(1), got object',
    );
  });

  it('ignores prototypes and undefined-valued keys, as JSON does', () => {
    class Record_ {
      constructor(readonly id: string) {}
    }
    expect(firstDifference({ id: 'a' }, new Record_('a'))).toBeUndefined();
    expect(firstDifference({ id: 'a' }, { id: 'a', phone: undefined })).toBeUndefined();
  });
});
