import { type Pool, type PoolClient, type QueryResult } from 'pg';
import { TransactionSpan } from '../tracing/transaction-span';
import { inlineSql, type SqlStatement } from './inline-sql';
import { rollback } from './pool-transaction';

/** What a transaction decided from what it read: the statement that stores it, and its result. */
export interface Decision<T> {
  /** Null when there is nothing to store; the transaction then only commits. */
  readonly write: SqlStatement | null;
  readonly result: T;
}

/**
 * A read-decide-write transaction in two round trips to PostgreSQL instead of one per
 * statement plus BEGIN and COMMIT:
 *
 *   1. `BEGIN; <reads…>`  — typically locking reads (`FOR UPDATE`); their rows come back;
 *   2. `<write>; COMMIT`  — what `decide` made of them (or just `COMMIT`).
 *
 * The statements go inlined (see inlineSql) as one simple-protocol query each trip. Each
 * round trip is a socket write and read on both ends: on these machines pg's socket writes
 * alone were a quarter of a consuming service's busy CPU (docs/architecture.md). If `decide` throws or a statement fails,
 * the transaction is rolled back and the error rethrown.
 */
export async function transactInTwoTrips<T>(
  pool: Pool,
  reads: readonly SqlStatement[],
  decide: (rows: readonly unknown[][]) => Decision<T>,
): Promise<T> {
  const client = await pool.connect();
  const span = TransactionSpan.start(client);
  let result: T;
  try {
    const results = await multiQuery(client, span, ['BEGIN', ...reads.map(inlineSql)]);
    // `decide` runs in the caller's span: the events it appends carry that trace.
    const decision = decide(results.slice(1).map((read) => read.rows as unknown[]));
    await multiQuery(client, span, [
      ...(decision.write ? [inlineSql(decision.write)] : []),
      'COMMIT',
    ]);
    result = decision.result;
  } catch (error) {
    span.end(error);
    // A connection that cannot even roll back is discarded rather than reused.
    client.release(!(await rollback(client)));
    throw error;
  }
  span.end();
  client.release();
  return result;
}

/** Runs the statements as one simple query; pg answers one result per statement. */
async function multiQuery(
  client: PoolClient,
  span: TransactionSpan,
  statements: readonly string[],
): Promise<QueryResult[]> {
  const text = statements.join(';\n');
  const answer = (await span.roundTrip(() => client.query(text), text)) as
    QueryResult | QueryResult[];
  return Array.isArray(answer) ? answer : [answer];
}
