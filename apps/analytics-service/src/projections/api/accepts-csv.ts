const CSV = 'text/csv';
const JSON_TYPES = new Set(['application/json']);
const WILDCARDS = new Set(['*/*', 'application/*']);

/**
 * Whether an Accept header asks for CSV rather than JSON (the default): text/csv is named
 * with a weight above JSON's when JSON is named too, and not below a wildcard's.
 */
export function acceptsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = -1;
  let wildcard = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const weight = weightOf(parameters);
    if (type === CSV) csv = Math.max(csv, weight);
    else if (JSON_TYPES.has(type)) json = Math.max(json, weight);
    else if (WILDCARDS.has(type)) wildcard = Math.max(wildcard, weight);
  }
  return csv > 0 && csv > json && csv >= wildcard;
}

function weightOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => parameter.startsWith('q='));
  if (q === undefined) return 1;
  const weight = Number(q.slice(2));
  return Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0;
}
