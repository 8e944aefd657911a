import { describeUnsafeText, findUnsafeText, unsafeTextReasons } from './wire-text';

describe('unsafeTextReasons', () => {
  it.each([
    ['plain ASCII', 'Kafka mug'],
    ['accents', 'Tee für zwei'],
    ['an emoji, a well-formed surrogate pair', '☕ 🍵'],
    ['the empty string', ''],
    ['other control characters', 'tab\there\u0001'],
  ])('finds nothing wrong with %s', (_case, text) => {
    expect(unsafeTextReasons(text)).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b', ['nul']],
    ['a high surrogate alone', 'a\ud800b', ['unpaired-surrogate']],
    ['a low surrogate alone', '\udc00', ['unpaired-surrogate']],
    ['a pair in the wrong order', '\udf75\ud83c', ['unpaired-surrogate']],
    ['half of an emoji at the end', '🍵'.slice(0, 1), ['unpaired-surrogate']],
    ['both', '\u0000\ud800', ['nul', 'unpaired-surrogate']],
  ])('refuses %s', (_case, text, reasons) => {
    expect(unsafeTextReasons(text)).toEqual(reasons);
  });
});

describe('findUnsafeText', () => {
  it('names every unsafe string by its dotted path, in document order', () => {
    const body = {
      items: [{ productId: 'ok' }, { productId: 'x\u0000' }],
      shippingAddress: { street: '1 Main St', city: '\ud800' },
      paymentMethod: 'card\u0000\udfff',
      quantity: 2,
      gift: null,
    };
    expect(findUnsafeText(body)).toEqual([
      { path: 'items.1.productId', reasons: ['nul'] },
      { path: 'shippingAddress.city', reasons: ['unpaired-surrogate'] },
      { path: 'paymentMethod', reasons: ['nul', 'unpaired-surrogate'] },
    ]);
  });

  it('checks a bare string, a top-level array and property names, under an optional root', () => {
    expect(findUnsafeText('a\u0000b', 'sensorId')).toEqual([
      { path: 'sensorId', reasons: ['nul'] },
    ]);
    expect(findUnsafeText([{ sensorId: 'ok' }, { sensorId: '\ud800' }])).toEqual([
      { path: '1.sensorId', reasons: ['unpaired-surrogate'] },
    ]);
    expect(findUnsafeText({ meta: { 'a\u0000': 1 } })).toEqual([
      { path: 'meta.a\u0000', reasons: ['nul'] },
    ]);
  });

  it('finds nothing in clean or non-text values', () => {
    expect(findUnsafeText({ name: '☕ 🍵', at: new Date(0), n: 1, ok: true })).toEqual([]);
    expect(findUnsafeText(undefined)).toEqual([]);
    expect(findUnsafeText(42)).toEqual([]);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const [found] = findUnsafeText(deep);
    expect(found?.reasons).toEqual(['nul']);
    expect(found?.path.split('.')).toHaveLength(100_000);
  });

  it('survives a cycle', () => {
    const node: Record<string, unknown> = { name: '\u0000' };
    node.self = node;
    expect(findUnsafeText(node)).toEqual([{ path: 'name', reasons: ['nul'] }]);
  });
});

describe('describeUnsafeText', () => {
  it('says what is wrong with the field', () => {
    expect(describeUnsafeText('city', 'nul')).toBe(
      'city must not contain the NUL character (U+0000)',
    );
    expect(describeUnsafeText('sensorId', 'unpaired-surrogate')).toMatch(
      /^sensorId must not contain an unpaired UTF-16 surrogate/,
    );
  });
});
