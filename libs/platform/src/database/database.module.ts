import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { type ReadinessProbe } from '../readiness-probe';

/** The part of a generated Prisma client the platform needs. */
export interface PrismaClientLike {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export type PrismaClientClass<TClient extends PrismaClientLike> = new (options: {
  adapter: PrismaPg;
}) => TClient;

/** Readiness and orderly shutdown for the service's database. */
export class DatabaseProbe implements ReadinessProbe, OnApplicationShutdown {
  readonly probeName = 'database';

  constructor(private readonly client: PrismaClientLike) {}

  async ping(): Promise<void> {
    await this.client.$queryRawUnsafe('SELECT 1');
  }

  /** Runs after consumers and the HTTP server have closed, so no in-flight work loses its database. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.$disconnect();
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
            new client({ adapter: new PrismaPg({ connectionString: databaseUrl }) }),
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
