import 'reflect-metadata';
import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createValidationPipe, type FieldError } from './validation';

class ProfileRequest extends createZodDto(
  z.strictObject({
    name: z.string(),
    address: z.strictObject({ city: z.string() }),
    age: z.coerce.number().int().min(0).optional(),
  }),
) {}

const body: ArgumentMetadata = { type: 'body', metatype: ProfileRequest };

async function rejection(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, metadata);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return error.getResponse();
  }
  throw new Error('expected the value to be rejected');
}

function fieldsOf(response: unknown): string[] {
  return (response as { errors: FieldError[] }).errors.map((error) => error.field);
}

describe('createValidationPipe', () => {
  it('passes valid input through as the schema parses it, non-ASCII text unchanged', async () => {
    const valid = await createValidationPipe().transform(
      { name: '☕ 🍵', address: { city: 'Zürich' }, age: '42' },
      body,
    );
    expect(valid).toEqual({ name: '☕ 🍵', address: { city: 'Zürich' }, age: 42 });
  });

  it('refuses a NUL or an unpaired surrogate anywhere in a body, naming the dotted field', async () => {
    expect(await rejection({ name: 'a\u0000b', address: { city: '\ud800' } }, body)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [
        { field: 'name', messages: ['name must not contain the NUL character (U+0000)'] },
        {
          field: 'address.city',
          messages: [expect.stringContaining('address.city must not contain an unpaired UTF-16')],
        },
      ],
    });
  });

  it('checks text before any other rule, so an unknown field cannot smuggle it past', async () => {
    expect(fieldsOf(await rejection({ name: 'ok', extra: ['\u0000'] }, body))).toEqual(['extra.0']);
  });

  it('checks params by name, queries by key and bodies of any declared type', async () => {
    const param: ArgumentMetadata = { type: 'param', data: 'sensorId', metatype: String };
    expect(fieldsOf(await rejection('a\u0000b', param))).toEqual(['sensorId']);
    const query: ArgumentMetadata = { type: 'query', metatype: Object };
    expect(fieldsOf(await rejection({ orderId: '\udc00' }, query))).toEqual(['orderId']);
    const array: ArgumentMetadata = { type: 'body', metatype: Array };
    expect(fieldsOf(await rejection([{ sensorId: 'ok' }, { sensorId: '\u0000' }], array))).toEqual([
      '1.sensorId',
    ]);
  });

  it('leaves values from custom decorators alone', async () => {
    const custom: ArgumentMetadata = { type: 'custom', metatype: String };
    await expect(createValidationPipe().transform('a\u0000b', custom)).resolves.toBe('a\u0000b');
  });

  it("answers the schema's errors one entry per dotted field, each message naming it", async () => {
    expect(fieldsOf(await rejection({ name: 'ok', address: [] }, body))).toEqual(['address']);
    const response = await rejection({ name: 1, address: { city: 2 }, age: -1 }, body);
    expect(fieldsOf(response)).toEqual(['name', 'address.city', 'age']);
    for (const { field, messages } of (response as { errors: FieldError[] }).errors) {
      expect(messages[0]).toMatch(new RegExp(`^${field}: `));
    }
  });

  it('refuses unknown fields, naming each, at any depth', async () => {
    const response = await rejection({ name: 'ok', address: { city: 'x', zip: '1' }, x: 1 }, body);
    expect(fieldsOf(response)).toEqual(['address.zip', 'x']);
  });

  it('names the body itself when it is not an object', async () => {
    expect(fieldsOf(await rejection('text', body))).toEqual(['body']);
  });
});
