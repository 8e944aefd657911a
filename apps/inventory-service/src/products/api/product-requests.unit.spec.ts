import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateProductRequest } from './create-product.request';
import { RestockProductRequest } from './restock-product.request';

const valid = {
  sku: 'MUG-001',
  name: 'Kafka mug',
  price: '19.99',
  stock: 10,
  lowStockThreshold: 2,
};

function invalidFields(type: new () => object, body: object): string[] {
  return validateSync(plainToInstance(type, body)).map((error) => error.property);
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
    ['lowStockThreshold', -1],
    ['sku', '  '],
    ['sku', ' MUG'],
    ['name', ''],
  ])('refuses %s = %j', (field, value) => {
    expect(invalidFields(CreateProductRequest, { ...valid, [field]: value })).toEqual([field]);
  });
});

describe('RestockProductRequest', () => {
  it('needs a positive whole quantity', () => {
    expect(invalidFields(RestockProductRequest, { quantity: 5 })).toEqual([]);
    for (const quantity of [0, -2, 1.5, '3']) {
      expect(invalidFields(RestockProductRequest, { quantity })).toEqual(['quantity']);
    }
  });
});
