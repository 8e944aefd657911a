/** A JSON value, as parsed from or written to a contract file. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * Checks that `value` is plain JSON (as produced by `JSON.parse` or a JSON Schema
 * generator) and returns it typed. Throws on anything JSON cannot represent.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not representable in JSON: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toJsonValue(item)] as const),
    );
  }
  throw new TypeError(`not representable in JSON: ${typeof value}`);
}

/** Like {@link toJsonValue}, for a value that must be a JSON object. */
export function toJsonObject(value: unknown): JsonObject {
  const json = toJsonValue(value);
  if (!isJsonObject(json)) throw new TypeError('expected a JSON object');
  return json;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !isJsonArray(value);
}

/** `Array.isArray` that keeps the element type (it widens readonly arrays to `any[]`). */
export function isJsonArray(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/**
 * JSON text with object keys sorted at every level, 2-space indented, with a trailing
 * newline: the same value always gives the same text, whatever order it was built in.
 */
export function toCanonicalJson(value: JsonValue): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** True when both values are the same JSON, ignoring key order and formatting. */
export function sameJson(left: JsonValue, right: JsonValue): boolean {
  return toCanonicalJson(left) === toCanonicalJson(right);
}

function sortKeys(value: JsonValue): JsonValue {
  if (isJsonArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] ?? null)] as const),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
