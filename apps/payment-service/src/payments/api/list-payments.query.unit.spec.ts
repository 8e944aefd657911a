import 'reflect-metadata';
import { refusedFields, validated } from '@kafka-commerce/testing';
import { ListPaymentsQuery } from './list-payments.query';

// The service's real pipe, as GET /payments runs it on the query string.
const validate = (query: unknown) => validated(ListPaymentsQuery, query, 'query');
const rejectedFields = (query: unknown) => refusedFields(ListPaymentsQuery, query, 'query');

describe('ListPaymentsQuery', () => {
  it.each([
    '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d',
    '01890a5d-ac96-774b-bcce-b302099a8057',
    '5D1C2B8A-3E4F-4A6B-8C9D-0E1F2A3B4C5D',
    '00000000-0000-0000-0000-000000000000',
  ])('takes the order id %s', async (orderId) => {
    await expect(validate({ orderId })).resolves.toEqual({ orderId });
  });

  it.each([
    ['missing', {}],
    ['not a UUID', { orderId: 'order-1' }],
    ['of no RFC version', { orderId: '5d1c2b8a-3e4f-0a6b-8c9d-0e1f2a3b4c5d' }],
    ['given twice', { orderId: ['5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d'] }],
  ])('refuses an orderId %s, naming it', async (_case, query) => {
    expect(await rejectedFields(query)).toEqual(['orderId']);
  });

  it('says what an orderId must be', async () => {
    await expect(validate({ orderId: 'order-1' })).rejects.toMatchObject({
      response: { errors: [{ field: 'orderId', messages: ['orderId: must be a UUID'] }] },
    });
  });

  it('refuses a parameter it does not know, naming it', async () => {
    expect(
      await rejectedFields({ orderId: '5d1c2b8a-3e4f-4a6b-8c9d-0e1f2a3b4c5d', page: '2' }),
    ).toEqual(['page']);
  });
});
