import 'reflect-metadata';
import { refusedFields, validated } from '@kafka-commerce/testing';
import { type z } from 'zod';
import { MAX_UNITS } from '../domain/product';
import { CreateProductRequest } from './create-product.request';
import { RestockProductRequest } from './restock-product.request';

const valid = {
  sku: 'MUG-001',
  name: 'Kafka mug',
  price: '19.99',
  stock: 10,
  lowStockThreshold: 2,
};

/** The fields a request's schema refuses, each once. */
function invalidFields(type: { readonly schema: z.ZodType }, body: object): string[] {
  const result = type.schema.safeParse(body);
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
}

describe('CreateProductRequest', () => {
  it('accepts a well-formed product', () => {
    expect(invalidFields(CreateProductRequest, valid)).toEqual([]);
    expect(invalidFields(CreateProductRequest, { ...valid, price: '0', stock: 0 })).toEqual([]);
  });

  it.each([
    ['a JSON number', 19.99],
    ['three decimals', '1.999'],
    ['a negative amount', '-1.00'],
    ['an exponent', '1e3'],
    ['more than the column holds', '10000000000.00'],
  ])('refuses a price given as %s', (_case, price) => {
    expect(invalidFields(CreateProductRequest, { ...valid, price })).toEqual(['price']);
  });

  it.each([
    ['stock', -1],
    ['stock', 1.5],
    ['stock', '10'],
    ['stock', MAX_UNITS + 1],
    ['lowStockThreshold', -1],
    ['sku', '  '],
    ['sku', ' MUG'],
    ['sku', 'S'.repeat(65)],
    ['name', ''],
    ['name', 'N'.repeat(201)],
  ])('refuses %s = %j', (field, value) => {
    expect(invalidFields(CreateProductRequest, { ...valid, [field]: value })).toEqual([field]);
  });
});

// The service's real global pipe, as Nest runs it for POST /products.
const rejectedFields = (body: unknown) => refusedFields(CreateProductRequest, body);

describe('CreateProductRequest through the validation pipe', () => {
  it('keeps non-ASCII text, surrogate pairs included, unchanged', async () => {
    const body = { ...valid, sku: 'TEA-🍵', name: '☕ 🍵 Tee für zwei' };
    await expect(validated(CreateProductRequest, body)).resolves.toEqual(body);
  });

  it.each([
    ['sku', 'a NUL', 'MUG\u0000-1'],
    ['name', 'a NUL', 'Kafka\u0000mug'],
    ['sku', 'an unpaired surrogate', 'MUG-\ud800'],
    ['name', 'an unpaired surrogate', '\udc00Kafka mug'],
  ])('refuses %s holding %s', async (field, _case, text) => {
    expect(await rejectedFields({ ...valid, [field]: text })).toEqual([field]);
  });

  it('refuses a field it does not know', async () => {
    expect(await rejectedFields({ ...valid, colour: 'blue' })).toEqual(['colour']);
  });

  it.each([[[]], [['19.99']], [{ amount: '19.99' }]])(
    'refuses a price given as %j',
    async (price) => {
      expect(await rejectedFields({ ...valid, price })).toEqual(['price']);
    },
  );
});

describe('RestockProductRequest', () => {
  it('needs a positive whole quantity', () => {
    expect(invalidFields(RestockProductRequest, { quantity: 5 })).toEqual([]);
    expect(invalidFields(RestockProductRequest, { quantity: MAX_UNITS })).toEqual([]);
    for (const quantity of [0, -2, 1.5, '3', MAX_UNITS + 1]) {
      expect(invalidFields(RestockProductRequest, { quantity })).toEqual(['quantity']);
    }
  });
});
