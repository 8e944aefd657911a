import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/** `[--quick] [--only a,b] [--help]`, the arguments of `pnpm bench` and `pnpm bench:compare`. */
export type QuickOnlyCommand<Id extends string> =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly quick: boolean; readonly only: readonly Id[] };

export function parseQuickOnlyArgs<Id extends string>(
  argv: readonly string[],
  ids: readonly Id[],
): QuickOnlyCommand<Id> {
  // `pnpm bench -- --quick` passes the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: { quick?: boolean; only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  return { kind: 'run', quick: values.quick ?? false, only: onlyList(values.only, ids) };
}

function onlyList<Id extends string>(only: string | undefined, ids: readonly Id[]): readonly Id[] {
  if (only === undefined) return ids;
  const wanted = only.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(ids as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new UsageError(`unknown: ${unknown.join(', ')} (one of: ${ids.join(', ')})`);
  return ids.filter((id) => wanted.includes(id));
}
