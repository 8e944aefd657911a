/**
 * Where `actual` first differs from `expected` (a path such as `payload.items.0.unitPrice` and
 * both values), or undefined when they are the same data: same keys, same primitive values and
 * types (so "0.10" vs 0.1 or a lost key is a difference). Prototypes are not compared: avsc
 * returns records as class instances with the same fields.
 */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (Object.is(expected, actual)) return undefined;
  const here = path || '(root)';
  if (!isContainer(expected) || !isContainer(actual)) {
    return `${here}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) {
    return `${here}: expected ${show(expected)}, got ${show(actual)}`;
  }
  return firstKeyDifference(expected, actual, path);
}

function firstKeyDifference(expected: object, actual: object, path: string): string | undefined {
  const expectedKeys = definedKeys(expected);
  const actualKeys = definedKeys(actual);
  for (const key of expectedKeys) {
    const child = path ? `${path}.${key}` : key;
    if (!actualKeys.includes(key))
      return `${child}: missing (expected ${show(valueAt(expected, key))})`;
    const difference = firstDifference(valueAt(expected, key), valueAt(actual, key), child);
    if (difference) return difference;
  }
  const extra = actualKeys.find((key) => !expectedKeys.includes(key));
  return extra === undefined
    ? undefined
    : `${path ? `${path}.${extra}` : extra}: unexpected ${show(valueAt(actual, extra))}`;
}

/** Own enumerable keys whose value is not undefined (JSON drops those too). */
function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => valueAt(value, key) !== undefined);
}

function valueAt(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  return Array.isArray(value) ? `array(${value.length})` : 'object';
}
