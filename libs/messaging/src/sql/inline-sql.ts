import { escapeLiteral } from 'pg';
import { prepareValue } from 'pg/lib/utils';

/** A parameterised statement (`$1`, `$2`, …): Prisma.Sql and pg's QueryConfig both fit. */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

const PLACEHOLDER = /\$(\d+)/g;

/**
 * The statement as self-contained SQL, each parameter replaced by a quoted literal of the
 * text pg would have sent for it (`prepareValue`, then `escapeLiteral`). A literal without a
 * cast is typed from its context exactly like an untyped parameter, so the statement means
 * the same. It exists so that several statements can share one simple-protocol round trip,
 * which cannot carry parameters.
 */
export function inlineSql(statement: SqlStatement): string {
  return statement.text.replace(PLACEHOLDER, (_match, position: string) => {
    const index = Number(position) - 1;
    if (index >= statement.values.length) {
      throw new RangeError(`$${position} has no value (${statement.values.length} given)`);
    }
    return literalOf(statement.values[index]);
  });
}

function literalOf(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new TypeError('binary parameters cannot be inlined');
  return escapeLiteral(text);
}
