import { refusal, refusedFields, validated } from './request-validation';

// A request class without a zod schema: the pipe only checks that its strings are storable text.
class AnyBody {
  readonly name?: string;
}

describe('request validation through the real pipe', () => {
  it('resolves to what the pipe passes on', async () => {
    await expect(validated(AnyBody, { name: 'ada' })).resolves.toEqual({ name: 'ada' });
  });

  it("hands back a refused value's field errors, or just their fields", async () => {
    const body = { name: 'a\u0000b', city: 'ok' };
    await expect(refusal(AnyBody, body, 'query')).resolves.toEqual([
      { field: 'name', messages: [expect.stringContaining('name')] },
    ]);
    await expect(refusedFields(AnyBody, body)).resolves.toEqual(['name']);
  });

  it('fails when the pipe accepts the value', async () => {
    await expect(refusal(AnyBody, { name: 'ada' }, 'query')).rejects.toThrow(
      'expected the query to be refused',
    );
  });
});
