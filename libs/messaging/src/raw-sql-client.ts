/**
 * The raw-SQL surface of a Prisma client or transaction client. Outbox and inbox take one
 * of these so they run inside the caller's transaction without depending on its schema.
 */
export interface RawSqlClient<TExecute = Promise<number>> {
  $executeRawUnsafe(query: string, ...values: unknown[]): TExecute;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}
