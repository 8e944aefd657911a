import { randomUUID } from 'node:crypto';
import { type Operation, type Schema } from './openapi';

/** One hostile request and what must hold for its answer. */
export interface Probe {
  readonly operation: Operation;
  readonly what: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The bad token it carries: on an operation that needs one, it must never get through. */
  readonly badToken?: string;
}

const TWO_MB = 2 * 1024 * 1024;

/** Text PostgreSQL and UTF-8 cannot carry as it is, and shapes no client should send. */
const HOSTILE_TEXT: readonly (readonly [string, string])[] = [
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['10k characters', 'x'.repeat(10_000)],
];

/** Path segments that are not what the route expects (sent percent-encoded as a client would). */
const HOSTILE_SEGMENTS: readonly (readonly [string, string])[] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU-8)', 'a%ED%A0%80b'],
  ['invalid percent-encoding', '%E0%A4%A'],
  ['not a UUID', 'not-a-uuid'],
  ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
  ['long', 'x'.repeat(5000)],
];

const HOSTILE_QUERY: readonly (readonly [string, string])[] = [
  ...HOSTILE_SEGMENTS,
  ['negative', '-1'],
  ['huge number', '1e309'],
  ['array', '__repeat__'],
];

/** A value that matches the schema as documented (examples first), for the parts not under test. */
export function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'sample';
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.properties || schema.type === 'object')
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]),
    );
  switch (schema.type) {
    case 'array':
      return [sample(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
    case undefined:
    default:
      return schema.format === 'uuid'
        ? randomUUID()
        : schema.format === 'date-time'
          ? new Date().toISOString()
          : 'sample';
  }
}

type Path = readonly (string | number)[];

/** Paths to every property of a sample value, nested ones too (arrays through their first item). */
function nodes(value: unknown, at: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 1).map((item): [number, unknown] => [0, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, inner]) => [[...at, key], ...nodes(inner, [...at, key])]);
}

function withValueAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: unknown = structuredClone(base);
  let cursor = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = value;
  return copy;
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'an array' };
  if (value && typeof value === 'object') return ['not', 'an', 'object'];
  return {};
}

/** The documented path with its parameters filled in (`fill` decides each). */
export function pathWith(operation: Operation, fill: (name: string) => string): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => fill(name));
}

/** Hostile bodies, path segments and query values, with credentials that pass the guards. */
export function inputProbes(operation: Operation, headers: Record<string, string>): Probe[] {
  const probes: Probe[] = [];
  const json = { ...headers, 'content-type': 'application/json' };
  const plainPath = pathWith(operation, () => randomUUID());
  const add = (
    what: string,
    body?: string,
    path = plainPath,
    extra: Record<string, string> = json,
  ) =>
    probes.push({ operation, what, path, headers: extra, ...(body === undefined ? {} : { body }) });

  for (const [what, segment] of HOSTILE_SEGMENTS)
    if (operation.path.includes('{'))
      add(
        `path parameter ${what}`,
        operation.body ? '{}' : undefined,
        pathWith(operation, () => segment),
      );
  for (const parameter of operation.parameters.filter((p) => p.in === 'query'))
    for (const [what, value] of HOSTILE_QUERY) {
      const query =
        value === '__repeat__'
          ? `${parameter.name}=1&${parameter.name}=2`
          : `${parameter.name}=${value}`;
      add(`query ${parameter.name} ${what}`, undefined, `${plainPath}?${query}`, headers);
    }
  if (operation.method === 'GET' || operation.method === 'DELETE') return probes;

  const base = operation.body ? sample(operation.body) : {};
  add('malformed JSON', '{"items": [');
  add('empty body', '');
  for (const literal of ['null', '[]', '"text"', '42', '{"__proto__": {"role": "admin"}}'])
    add(`body ${literal}`, literal);
  add('2 MB JSON body', JSON.stringify(Array.from({ length: TWO_MB / 8 }, () => 'aaaaaa')));
  add('not JSON (text/plain)', JSON.stringify(base), plainPath, {
    ...headers,
    'content-type': 'text/plain',
  });
  add('form-encoded', 'a=1&b=2', plainPath, {
    ...headers,
    'content-type': 'application/x-www-form-urlencoded',
  });
  for (const path of nodes(base)) {
    const at = path.join('.');
    const current = path.reduce<unknown>(
      (v, k) => (v as Record<string | number, unknown>)[k],
      base,
    );
    add(`${at}: wrong type`, JSON.stringify(withValueAt(base, path, wrongType(current))));
    add(`${at}: null`, JSON.stringify(withValueAt(base, path, null)));
    if (typeof current === 'string' || current === undefined) {
      for (const [what, text] of HOSTILE_TEXT)
        add(`${at}: ${what}`, JSON.stringify(withValueAt(base, path, text)));
      add(`${at}: 2 MB string`, JSON.stringify(withValueAt(base, path, 'x'.repeat(TWO_MB))));
    }
  }
  return probes;
}
