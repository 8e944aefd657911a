// pg's own value serialiser (what it sends for each parameter); @types/pg does not declare it.
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
