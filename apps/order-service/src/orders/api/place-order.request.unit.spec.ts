import { refusedFields, validated } from '@kafka-commerce/testing';
import { PlaceOrderRequest } from './place-order.request';

const valid = {
  items: [{ productId: '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11', quantity: 2 }],
  shippingAddress: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
  paymentMethod: 'card',
};

// The service's real global pipe over a body, as Nest runs it for POST /orders.
const validate = (body: unknown) => validated(PlaceOrderRequest, body);
const invalidFields = (body: unknown) => refusedFields(PlaceOrderRequest, body);

describe('PlaceOrderRequest through the validation pipe', () => {
  it('accepts a well-formed order, non-ASCII text unchanged', async () => {
    const body = { ...valid, shippingAddress: { ...valid.shippingAddress, city: 'Zürich ☕' } };
    await expect(validate(body)).resolves.toMatchObject(body);
  });

  it.each([
    ['an empty array', []],
    ['an array holding an address', [valid.shippingAddress]],
    ['a string', 'x'],
    ['null', null],
    ['a number', 1],
    ['nothing', undefined],
  ])('refuses a shippingAddress that is %s', async (_case, shippingAddress) => {
    expect(await invalidFields({ ...valid, shippingAddress })).toContain('shippingAddress');
  });

  it.each([
    ['an empty array', [[]], 'items.0'],
    ['an array holding a line', [[valid.items[0]]], 'items.0'],
    ['null', [null], 'items.0'],
    ['a string', ['x'], 'items.0'],
  ])('refuses an order line that is %s', async (_case, items, field) => {
    expect(await invalidFields({ ...valid, items })).toContain(field);
  });

  it('refuses items that are an object rather than a list', async () => {
    expect(await invalidFields({ ...valid, items: valid.items[0] })).toContain('items');
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['an unpaired surrogate', 'a\ud800b'],
  ])('refuses %s in any text field, naming it', async (_case, text) => {
    expect(await invalidFields({ ...valid, paymentMethod: text })).toEqual(['paymentMethod']);
    expect(
      await invalidFields({ ...valid, shippingAddress: { ...valid.shippingAddress, city: text } }),
    ).toEqual(['shippingAddress.city']);
    expect(await invalidFields({ ...valid, items: [{ productId: text, quantity: 1 }] })).toEqual([
      'items.0.productId',
    ]);
  });

  it.each([
    ['no lines', { items: [] }, 'items'],
    ['51 lines', { items: Array.from({ length: 51 }, () => valid.items[0]) }, 'items'],
    ['a quantity of 0', { items: [{ ...valid.items[0], quantity: 0 }] }, 'items.0.quantity'],
    ['a quantity of 1001', { items: [{ ...valid.items[0], quantity: 1001 }] }, 'items.0.quantity'],
    [
      'a fractional quantity',
      { items: [{ ...valid.items[0], quantity: 1.5 }] },
      'items.0.quantity',
    ],
    ['a quantity as text', { items: [{ ...valid.items[0], quantity: '2' }] }, 'items.0.quantity'],
    [
      'a product id that is no UUID',
      { items: [{ productId: 'mug', quantity: 1 }] },
      'items.0.productId',
    ],
    ['an unknown field', { coupon: 'FREE' }, 'coupon'],
    ['an unknown field in a line', { items: [{ ...valid.items[0], note: 'x' }] }, 'items.0.note'],
    ['an empty payment method', { paymentMethod: '' }, 'paymentMethod'],
    ['a payment method of 101 characters', { paymentMethod: 'x'.repeat(101) }, 'paymentMethod'],
    [
      'a postal code of 21 characters',
      { shippingAddress: { ...valid.shippingAddress, postalCode: '1'.repeat(21) } },
      'shippingAddress.postalCode',
    ],
  ])('refuses %s', async (_case, change, field) => {
    expect(await invalidFields({ ...valid, ...change })).toEqual([field]);
  });

  it('accepts the limits themselves: 50 lines, quantities 1 and 1000, 200-character streets', async () => {
    const body = {
      ...valid,
      items: Array.from({ length: 50 }, (_, index) => ({
        ...valid.items[0],
        quantity: index % 2 === 0 ? 1 : 1000,
      })),
      shippingAddress: { ...valid.shippingAddress, street: 's'.repeat(200) },
    };
    await expect(validate(body)).resolves.toEqual(body);
  });

  it('counts an emoji, even with its presentation selector, as one character', async () => {
    const body = {
      ...valid,
      paymentMethod: '💳'.repeat(100),
      shippingAddress: { ...valid.shippingAddress, postalCode: '\u2764\ufe0f'.repeat(20) },
    };
    await expect(validate(body)).resolves.toEqual(body);
    expect(await invalidFields({ ...valid, paymentMethod: '💳'.repeat(101) })).toEqual([
      'paymentMethod',
    ]);
  });
});
