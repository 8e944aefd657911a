import { refusedFields, validated } from '@kafka-commerce/testing';
import { DEFAULT_PAGE_SIZE, ListOrdersQuery, MAX_PAGE_SIZE } from './list-orders.query';

// The service's real global pipe over a query string's values, as Nest runs it.
const parse = (query: Record<string, unknown>) => validated(ListOrdersQuery, query, 'query');
const invalidFields = (query: Record<string, unknown>) =>
  refusedFields(ListOrdersQuery, query, 'query');

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
