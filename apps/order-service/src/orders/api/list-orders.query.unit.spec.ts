import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';
import { DEFAULT_PAGE_SIZE, ListOrdersQuery, MAX_PAGE_SIZE } from './list-orders.query';

/** Runs the service's real global pipe over a query string's values, as Nest does. */
async function parse(query: Record<string, unknown>): Promise<unknown> {
  const pipe = createValidationPipe();
  return (await pipe.transform(query, { type: 'query', metatype: ListOrdersQuery })) as unknown;
}

async function invalidFields(query: Record<string, unknown>): Promise<string[]> {
  try {
    await parse(query);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: FieldError[] }).errors.map((e) => e.field);
  }
  throw new Error('expected the query to be rejected');
}

describe('ListOrdersQuery through the validation pipe', () => {
  it('defaults to the first page of 20', async () => {
    await expect(parse({})).resolves.toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it('reads numbers from the query string, up to the largest page size', async () => {
    await expect(parse({ page: '3', pageSize: String(MAX_PAGE_SIZE) })).resolves.toEqual({
      page: 3,
      pageSize: MAX_PAGE_SIZE,
    });
  });

  it.each([
    ['page', '0'],
    ['page', '1000001'],
    ['page', '1.5'],
    ['page', 'two'],
    ['page', ''],
    ['pageSize', '0'],
    ['pageSize', String(MAX_PAGE_SIZE + 1)],
  ])('refuses %s=%s', async (field, value) => {
    expect(await invalidFields({ [field]: value })).toEqual([field]);
  });

  it('refuses a parameter it does not know', async () => {
    expect(await invalidFields({ status: 'PENDING' })).toEqual(['status']);
  });
});
