import { type Pool, type PoolClient } from 'pg';
import { type RawSqlClient } from '../raw-sql-client';
import { TransactionSpan } from '../tracing/transaction-span';

/**
 * A transaction on one of the pool's connections, for work written against RawSqlClient
 * (Prisma's raw-SQL surface): the same statements and placeholders, without Prisma's query
 * layer in between — it was a fifth of analytics-service's busy CPU under load. Values come
 * back as pg returns them (numeric and bigint as text). Commits when `work` resolves; rolls
 * back and rethrows when it throws.
 */
export async function transactOnPool<T>(
  pool: Pool,
  work: (client: RawSqlClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const span = TransactionSpan.start(client);
  let result: T;
  try {
    await span.roundTrip(() => client.query('BEGIN'));
    result = await work(rawSqlClientOf(client, span));
    await span.roundTrip(() => client.query('COMMIT'));
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

/** Rolls the connection's transaction back; false when even that failed. */
export async function rollback(client: PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

function rawSqlClientOf(client: PoolClient, span: TransactionSpan): RawSqlClient {
  const send = (query: string, values: unknown[]) =>
    span.roundTrip(() => client.query(query, values), query);
  return {
    async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
      return (await send(query, values)).rowCount ?? 0;
    },
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> {
      return (await send(query, values)).rows as T;
    },
  };
}
