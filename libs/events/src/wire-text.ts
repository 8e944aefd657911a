/**
 * Why a string cannot cross our wire unchanged: PostgreSQL refuses NUL in text and `\u0000` in
 * jsonb, and an unpaired UTF-16 surrogate has no UTF-8 form (jsonb refuses its escape; a text
 * column silently stores U+FFFD instead).
 */
export type UnsafeTextReason = 'nul' | 'unpaired-surrogate';

/** A string (or property name) at `path` (dotted, e.g. `items.0.productId`) that is unsafe. */
export interface UnsafeText {
  readonly path: string;
  readonly reasons: readonly UnsafeTextReason[];
}

const NUL = /\0/;
// With the `u` flag a well-formed pair is one code point; only a lone half is category Cs.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** What makes one string unsafe, if anything. */
export function unsafeTextReasons(text: string): UnsafeTextReason[] {
  const reasons: UnsafeTextReason[] = [];
  if (NUL.test(text)) reasons.push('nul');
  if (UNPAIRED_SURROGATE.test(text)) reasons.push('unpaired-surrogate');
  return reasons;
}

/** A sentence for one reason, e.g. `city must not contain the NUL character (U+0000)`. */
export function describeUnsafeText(path: string, reason: UnsafeTextReason): string {
  const subject = path || 'value';
  switch (reason) {
    case 'nul':
      return `${subject} must not contain the NUL character (U+0000)`;
    case 'unpaired-surrogate':
      return `${subject} must not contain an unpaired UTF-16 surrogate (text that is not valid Unicode)`;
  }
}

/**
 * Every unsafe string in a JSON-like value, in document order: strings, array items and
 * object property names and values, however deep (walked without recursion, so a deeply
 * nested body cannot overflow the stack). `root` prefixes every path.
 */
export function findUnsafeText(value: unknown, root = ''): UnsafeText[] {
  const found: UnsafeText[] = [];
  const pending: { path: string; value: unknown }[] = [{ path: root, value }];
  const seen = new Set<object>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { path, value: current } = next;
    if (typeof current === 'string') {
      const reasons = unsafeTextReasons(current);
      if (reasons.length > 0) found.push({ path, reasons });
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const entries = Object.entries(current);
    // Last child pushed first, so the walk pops them in document order; a property name is
    // checked just before its value.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown];
      const childPath = path ? `${path}.${key}` : key;
      pending.push({ path: childPath, value: child });
      if (unsafeTextReasons(key).length > 0) pending.push({ path: childPath, value: key });
    }
  }
  return found;
}
