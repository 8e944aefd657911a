import { type DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, KafkaProbe } from '@kafka-commerce/messaging';
import {
  DatabaseModule,
  DatabaseProbe,
  type PrismaClientClass,
  type PrismaClientLike,
} from './database/database.module';
import { PlatformModule } from './platform.module';

export interface ServiceCoreOptions<TClient extends PrismaClientLike> {
  readonly serviceName: string;
  readonly logLevel: string;
  readonly databaseUrl: string;
  /** The service's generated Prisma client class; it is also the token repositories inject. */
  readonly database: PrismaClientClass<TClient>;
  readonly kafkaBrokers: readonly string[];
}

/**
 * Everything a service needs before its own modules: logs, health, metrics, its database and
 * Kafka. `GET /health` is ready only when both the database and the broker answer.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot<TClient extends PrismaClientLike>(
    options: ServiceCoreOptions<TClient>,
  ): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: options.serviceName,
          logLevel: options.logLevel,
          readinessProbes: [DatabaseProbe, KafkaProbe],
        }),
        DatabaseModule.forClient(options.database, options.databaseUrl),
        KafkaModule.forRoot({ clientId: options.serviceName, brokers: options.kafkaBrokers }),
      ],
    };
  }
}
