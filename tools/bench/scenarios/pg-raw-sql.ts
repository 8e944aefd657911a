import { type RawSqlClient } from '@kafka-commerce/messaging';
import { type PoolClient, type QueryResultRow } from 'pg';

/** The raw-SQL surface the inbox takes (Prisma's), over a node-postgres connection. */
export function pgRawSql(client: PoolClient): RawSqlClient {
  return {
    async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
      const result = await client.query(query, values);
      return result.rowCount ?? 0;
    },
    async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
      const result = await client.query<QueryResultRow>(query, values);
      return result.rows as T;
    },
  };
}
