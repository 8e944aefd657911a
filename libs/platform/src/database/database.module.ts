import { type DynamicModule, Module } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
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

/** Readiness of the service's database, and its closing at the end of the shutdown sequence. */
export class DatabaseProbe implements ReadinessProbe {
  readonly probeName = 'database';

  constructor(private readonly client: PrismaClientLike) {}

  async ping(): Promise<void> {
    await this.client.$queryRawUnsafe('SELECT 1');
  }

  close(): Promise<void> {
    return this.client.$disconnect();
  }
}

@Module({})
export class DatabaseModule {
  /**
   * Provides the service's generated Prisma client (the class is its own injection token)
   * over the pg driver adapter, which needs no downloaded query engine.
   */
  static forClient<TClient extends PrismaClientLike>(
    client: PrismaClientClass<TClient>,
    databaseUrl: string,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: client,
          useFactory: () =>
            new client({
              adapter: new PrismaPg({ connectionString: databaseUrl }),
              transactionOptions: { maxWait: CONNECTION_WAIT_MS },
            }),
        },
        {
          provide: DatabaseProbe,
          useFactory: (db: TClient) => new DatabaseProbe(db),
          inject: [client],
        },
      ],
      exports: [client, DatabaseProbe],
    };
  }
}
