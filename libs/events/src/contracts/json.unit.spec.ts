import { sameJson, toCanonicalJson, toJsonObject, toJsonValue } from './json';

describe('canonical JSON', () => {
  it('sorts keys at every level, indents by 2 and ends with a newline', () => {
    expect(toCanonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('compares by meaning: key order does not matter, array order does', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ b: [1, 2] }, { b: [2, 1] })).toBe(false);
  });
});

describe('toJsonValue', () => {
  it('accepts plain JSON', () => {
    const value = { a: [1, 'x', true, null, { b: 2 }] };
    expect(toJsonValue(value)).toEqual(value);
  });

  it.each([
    ['undefined', { a: undefined }],
    ['a function', { a: () => 1 }],
    ['NaN', { a: NaN }],
    ['a Date', { a: new Date(0) }],
  ])('refuses %s', (_name, value) => {
    expect(() => toJsonValue(value)).toThrow(TypeError);
  });

  it('insists on an object where one is expected', () => {
    expect(() => toJsonObject([1])).toThrow(TypeError);
  });
});
