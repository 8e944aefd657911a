import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { watchPoolErrors } from '@kafka-commerce/messaging';
import { Pool } from 'pg';
import { type ReadinessProbe } from '../readiness-probe';

/** The part of a generated Prisma client the platform needs. */
export interface PrismaClientLike {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export type PrismaClientClass<TClient extends PrismaClientLike> = new (options: {
  adapter: PrismaPg;
  transactionOptions: { maxWait: number };
}) => TClient;

/**
 * How long a transaction may wait for a pooled connection. Prisma's default (2 s) turns a
 * burst of requests into 500s (P2028) as soon as the pool is busy for longer; a burst should
 * queue instead. Transactions that need other limits still pass their own options.
 */
const CONNECTION_WAIT_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

/**
 * The service's connection pool, shared by its Prisma client and the hot paths that talk to
 * pg directly (`Inbox.applyBatch`); the class is its injection token.
 */
export class DatabasePool extends Pool {}

function createDatabasePool(databaseUrl: string): DatabasePool {
  const pool = new DatabasePool({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    // Bounds a transaction stuck on a row lock (many orders for one product queue on it), as
    // Prisma's transaction timeout does for its own transactions.
    lock_timeout: LOCK_WAIT_MS,
  });
  return watchPoolErrors(pool, new Logger('DatabasePool'));
}

/** Readiness of the service's database, and its closing at the end of the shutdown sequence. */
export class DatabaseProbe implements ReadinessProbe {
  readonly probeName = 'database';

  constructor(
    private readonly client: PrismaClientLike,
    private readonly pool: DatabasePool,
  ) {}

  async ping(): Promise<void> {
    await this.client.$queryRawUnsafe('SELECT 1');
  }

  /** Prisma leaves a pool it was given open: it is ended here, after the client. */
  async close(): Promise<void> {
    await this.client.$disconnect();
    await this.pool.end();
  }
}

@Module({})
export class DatabaseModule {
  /**
   * Provides the service's generated Prisma client (the class is its own injection token)
   * over the pg driver adapter, which needs no downloaded query engine, and the adapter's
   * pool as DatabasePool.
   */
  static forClient<TClient extends PrismaClientLike>(
    client: PrismaClientClass<TClient>,
    databaseUrl: string,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: DatabasePool, useFactory: () => createDatabasePool(databaseUrl) },
        {
          provide: client,
          useFactory: (pool: DatabasePool) =>
            new client({
              adapter: new PrismaPg(pool),
              transactionOptions: { maxWait: CONNECTION_WAIT_MS },
            }),
          inject: [DatabasePool],
        },
        {
          provide: DatabaseProbe,
          useFactory: (db: TClient, pool: DatabasePool) => new DatabaseProbe(db, pool),
          inject: [client, DatabasePool],
        },
      ],
      exports: [client, DatabasePool, DatabaseProbe],
    };
  }
}
