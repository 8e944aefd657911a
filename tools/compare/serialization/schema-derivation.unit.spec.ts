import { moneySchema } from '@kafka-commerce/money';
import { jsonSchemaOf } from '@kafka-commerce/events';
import { z } from 'zod';
import { avroSchemaOf } from './avro-schema';
import { protobufSchemaOf } from './protobuf-schema';
import { objectShapeOf, restoreAbsence } from './schema-shape';

/** Every construct the derivations handle, in one small envelope-like object. */
const sample = z.object({
  id: z.uuid(),
  note: z.string().min(1).optional(),
  tags: z.array(z.string()),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
  address: z.object({ city: z.string() }),
  total: moneySchema,
  temperature: z.number(),
  unit: z.enum(['C', 'F']),
  causationId: z.string().nullable(),
});
const shape = objectShapeOf(jsonSchemaOf(sample));

describe('protobuf schema derivation', () => {
  it('maps optional, arrays, nested objects, money and enums as documented', () => {
    expect(protobufSchemaOf(shape)).toEqual({
      nested: {
        Envelope: {
          fields: {
            id: { type: 'string', id: 1 },
            note: { type: 'string', id: 2, options: { proto3_optional: true } },
            tags: { type: 'string', id: 3, rule: 'repeated' },
            lines: { type: 'LinesItem', id: 4, rule: 'repeated' },
            address: { type: 'Address', id: 5 },
            total: { type: 'string', id: 6 },
            temperature: { type: 'double', id: 7 },
            unit: { type: 'string', id: 8 },
            causationId: { type: 'string', id: 9, options: { proto3_optional: true } },
          },
          nested: {
            LinesItem: {
              fields: { sku: { type: 'string', id: 1 }, quantity: { type: 'int64', id: 2 } },
            },
            Address: { fields: { city: { type: 'string', id: 1 } } },
          },
          oneofs: { _note: { oneof: ['note'] }, _causationId: { oneof: ['causationId'] } },
        },
      },
    });
  });
});

describe('Avro schema derivation', () => {
  it('maps optional to a null union with default null, arrays, nested records by path', () => {
    expect(avroSchemaOf(shape)).toEqual({
      type: 'record',
      name: 'Envelope',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'note', type: ['null', 'string'], default: null },
        { name: 'tags', type: { type: 'array', items: 'string' } },
        {
          name: 'lines',
          type: {
            type: 'array',
            items: {
              type: 'record',
              name: 'Envelope_lines_item',
              fields: [
                { name: 'sku', type: 'string' },
                { name: 'quantity', type: 'long' },
              ],
            },
          },
        },
        {
          name: 'address',
          type: {
            type: 'record',
            name: 'Envelope_address',
            fields: [{ name: 'city', type: 'string' }],
          },
        },
        { name: 'total', type: 'string' },
        { name: 'temperature', type: 'double' },
        { name: 'unit', type: 'string' },
        { name: 'causationId', type: ['null', 'string'], default: null },
      ],
    });
  });
});

describe('restoreAbsence', () => {
  it('turns a missing nullable field into null and drops a null optional one, at any depth', () => {
    const decoded = { causationId: undefined, note: null, lines: [{ sku: 'a', quantity: 1 }] };

    expect(restoreAbsence(shape, decoded)).toEqual({
      causationId: null,
      lines: [{ sku: 'a', quantity: 1 }],
    });
  });

  it('refuses a schema it cannot express instead of guessing', () => {
    expect(() =>
      objectShapeOf(jsonSchemaOf(z.object({ when: z.union([z.string(), z.number()]) }))),
    ).toThrow(/\$\.when: no binary schema/);
  });
});
