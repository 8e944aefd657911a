import { randomUUID } from 'node:crypto';
import { waitFor } from '@kafka-commerce/testing';
import {
  ADDRESS,
  asAdmin,
  newCustomer,
  newProduct,
  product,
  type Product,
} from './support/commerce';
import { getJson, postJson, serviceUrl, type JsonResponse } from './support/stack';

interface ValidationFailure {
  statusCode: 400;
  message: string;
  errors: { field: string; messages: string[] }[];
}

/** Text PostgreSQL cannot store as it is: a NUL, and half of a UTF-16 surrogate pair. */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['a NUL character', 'a\u0000b'],
  ['an unpaired surrogate', 'a\ud800b'],
];

let customer: Promise<Awaited<ReturnType<typeof newCustomer>>> | undefined;
let knownProduct: Promise<Product> | undefined;

/**
 * POST /orders: a valid order for a product order-service knows, with `change` applied, so
 * nothing but the change can fail it. order-service learns of a new product through Kafka and
 * answers 422 until it has, so this retries on 422 only.
 */
async function placeOrderWith(change: Record<string, unknown>): Promise<JsonResponse> {
  customer ??= newCustomer();
  knownProduct ??= newProduct('2.00', 1000);
  const [{ headers }, { id: productId }] = await Promise.all([customer, knownProduct]);
  return waitFor(
    async () => {
      const answer = await postJson(
        `${serviceUrl('order')}/orders`,
        {
          items: [{ productId, quantity: 1 }],
          shippingAddress: ADDRESS,
          paymentMethod: 'card',
          ...change,
        },
        headers,
      );
      return answer.status === 422 ? undefined : answer;
    },
    { description: 'order-service to know the product' },
  );
}

function expectFieldError(response: JsonResponse, field: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status: 400,
    body: expect.objectContaining({ statusCode: 400, message: 'Validation failed' }),
  });
  const fields = (response.body as ValidationFailure).errors.map((error) => error.field);
  expect(fields).toContain(field);
}

describe('hostile text and shapes at the HTTP edge: 400 naming the field, never a 500', () => {
  it('encodes NUL and a lone surrogate as JSON escapes, which the server parses back as sent', () => {
    // fetch encodes the body as UTF-8; JSON.stringify escapes what UTF-8 cannot carry.
    expect(JSON.stringify({ sensorId: 'a\ud800b' })).toBe('{"sensorId":"a\\ud800b"}');
    expect(JSON.stringify({ sensorId: 'a\u0000b' })).toBe('{"sensorId":"a\\u0000b"}');
  });

  describe.each(HOSTILE)('%s', (_case, text) => {
    it.each(['sku', 'name'])('in POST /products %s', async (field) => {
      const body = {
        sku: `SKU-${randomUUID().slice(0, 8)}`,
        name: 'Hostile product',
        price: '1.00',
        stock: 1,
        lowStockThreshold: 0,
        [field]: text,
      };
      const response = await postJson(`${serviceUrl('inventory')}/products`, body, await asAdmin());
      expectFieldError(response, field);
    });

    it('in POST /users username', async () => {
      const response = await postJson(`${serviceUrl('user')}/users`, {
        email: `hostile-${randomUUID().slice(0, 8)}@example.com`,
        username: text,
        password: 'correct horse battery',
      });
      expectFieldError(response, 'username');
    });

    it('in POST /sensors/readings sensorId', async () => {
      const response = await postJson(`${serviceUrl('analytics')}/sensors/readings`, [
        { sensorId: text, temperature: 21.5, timestamp: new Date().toISOString() },
      ]);
      expectFieldError(response, '0.sensorId');
    });

    it.each([
      ['paymentMethod', { paymentMethod: text }],
      ['shippingAddress.city', { shippingAddress: { ...ADDRESS, city: text } }],
    ])('in POST /orders %s', async (field, change) => {
      expectFieldError(await placeOrderWith(change), field);
    });
  });

  it('answers GET /sensors/a%00b/windows with 400 naming sensorId', async () => {
    const response = await getJson(`${serviceUrl('analytics')}/sensors/a%00b/windows`);
    expectFieldError(response, 'sensorId');
  });

  it('answers GET /sensors/<invalid UTF-8>/windows with 400', async () => {
    // A lone surrogate has no UTF-8 form; its CESU-8 bytes are what a client could send.
    const response = await getJson(`${serviceUrl('analytics')}/sensors/a%ED%A0%80b/windows`);
    expect(response.status).toBe(400);
  });

  it.each([
    ['shippingAddress', { shippingAddress: [] }],
    ['shippingAddress', { shippingAddress: 'x' }],
    ['shippingAddress', { shippingAddress: null }],
    // The line itself is named, whatever non-object it is.
    ['items.0', { items: [[]] }],
    ['items.0', { items: [null] }],
  ])('answers POST /orders with a non-object %s (%j) with 400', async (field, change) => {
    expectFieldError(await placeOrderWith(change), field);
  });

  it('answers bodies over 1 MiB with a 413 naming the limit, read whole by the client', async () => {
    const body = { name: 'x'.repeat(2 * 1024 * 1024) };
    const answers = await Promise.all(
      (
        [
          ['user', '/users'],
          ['order', '/orders'],
          ['inventory', '/products'],
        ] as const
      ).map(([service, path]) => postJson(`${serviceUrl(service)}${path}`, body)),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 413,
        body: expect.objectContaining({
          statusCode: 413,
          message: expect.stringContaining('exceeds the limit of 1048576 bytes'),
        }),
      });
    }
  });

  it('keeps legitimate non-ASCII text, surrogate pairs included, exactly as sent', async () => {
    const name = '☕ 🍵 Tee für zwei';
    const response = await postJson(
      `${serviceUrl('inventory')}/products`,
      {
        sku: `SKU-${randomUUID().slice(0, 8)}-🍵`,
        name,
        price: '3.50',
        stock: 1,
        lowStockThreshold: 0,
      },
      await asAdmin(),
    );
    expect(response.status).toBe(201);
    const created = response.body as Product;
    expect(created.name).toBe(name);
    expect(created.sku).toMatch(/-🍵$/);
    expect(await product(created.id)).toMatchObject({ name, sku: created.sku });
  });
});
